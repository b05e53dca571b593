package org.lunglens.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Reads and writes model zips: DL4J's own entries plus {@value #METADATA_ENTRY} with the
 * {@link ModelMetadata}. Writes go to a temporary file first, so a crash never leaves half a model.
 */
public final class ModelFile {
    public static final String METADATA_ENTRY = "lunglens-model.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    public static void save(MultiLayerNetwork net, ModelMetadata metadata, Path file, boolean withUpdater)
            throws IOException {
        ByteArrayOutputStream dl4j = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, dl4j, withUpdater);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(dl4j.toByteArray()))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
            zip.write(JSON.writeValueAsBytes(metadata));
            zip.closeEntry();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static LoadedModel load(Path file) throws ModelLoadException {
        ModelMetadata metadata = readMetadata(file);
        try {
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
            // Without it, a backward pass (Grad-CAM) on a reloaded network fails with an NPE.
            net.initGradientsView();
            NativeLayerHelpers.install(net);
            return new LoadedModel(file, net, metadata);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(file + ": the network inside the model file cannot be read ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Reads only the metadata: cheap, for listings and for refusing foreign files early. */
    public static ModelMetadata readMetadata(Path file) throws ModelLoadException {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file + ": model file not found");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(METADATA_ENTRY);
            if (entry == null) {
                throw new ModelLoadException(file + ": not a LungLens model (no " + METADATA_ENTRY
                        + "; train one with 'lunglens train')");
            }
            if (zip.getEntry("configuration.json") == null) {
                throw new ModelLoadException(file + ": the model file has no network configuration");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                ModelMetadata m = JSON.readValue(in, ModelMetadata.class);
                if (m.formatVersion() > ModelMetadata.FORMAT_VERSION) {
                    throw new ModelLoadException(file + ": model format " + m.formatVersion()
                            + " is newer than this LungLens understands (" + ModelMetadata.FORMAT_VERSION + ")");
                }
                return m;
            }
        } catch (ZipException e) {
            throw new ModelLoadException(file + ": not a model file (not a zip archive)", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelLoadException(file + ": the model's metadata is unreadable (" + e.getMessage() + ")", e);
        }
    }

    /** The file's SHA-256 in hex: what model cards, the AI tab and the patient log name a model by. */
    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
