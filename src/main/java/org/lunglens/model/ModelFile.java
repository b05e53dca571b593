package org.lunglens.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.lunglens.patientlog.FileFingerprint;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads and writes model zips: DL4J's own entries plus {@value #METADATA_ENTRY} with the
 * {@link ModelMetadata}. A combined model adds its partners' whole model files under
 * {@value #PARTNERS_DIR} (see {@link CovidOdds}). Writes go to a temporary file first, so a crash never
 * leaves half a model.
 */
public final class ModelFile {
    public static final String METADATA_ENTRY = "lunglens-model.json";
    public static final String PARTNERS_DIR = "partners/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    public static void save(MultiLayerNetwork net, ModelMetadata metadata, Path file, boolean withUpdater)
            throws IOException {
        ByteArrayOutputStream dl4j = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, dl4j, withUpdater);
        write(dl4j.toByteArray(), metadata, Map.of(), file);
    }

    /**
     * Writes a combined model: {@code primary}'s network with {@code metadata}, and each partner's model
     * file as it is (its bytes, so its own SHA-256 still identifies it).
     */
    public static void saveCombined(Path primary, List<Path> partners, ModelMetadata metadata, Path file)
            throws IOException {
        Map<String, byte[]> extra = new LinkedHashMap<>();
        for (Path partner : partners) {
            extra.put(PARTNERS_DIR + partner.getFileName(), Files.readAllBytes(partner));
        }
        write(Files.readAllBytes(primary), metadata, extra, file);
    }

    /** DL4J's entries of {@code dl4jZip} (any metadata or partners in it dropped), then ours. */
    private static void write(byte[] dl4jZip, ModelMetadata metadata, Map<String, byte[]> extra, Path file)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(dl4jZip))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (e.getName().equals(METADATA_ENTRY) || e.getName().startsWith(PARTNERS_DIR)) {
                        continue;
                    }
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
            zip.write(JSON.writeValueAsBytes(metadata));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> e : extra.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Loads a model file. Its metadata is parsed on another thread while this one restores the network: on a fresh
     * JVM each pays its library's one-time start (Jackson's, DL4J's), and the app's first model load is the longest
     * part of its start (docs/BENCHMARKS.md). Only the metadata: it touches no ND4J or DL4J class, so the two threads
     * cannot meet in a native library's start or a class's initialisation, where this stack has deadlocked before.
     * A foreign file is refused before either starts; where both are bad, the metadata's reason is given.
     */
    public static LoadedModel load(Path file) throws ModelLoadException {
        byte[] metadataJson = metadataJson(file);
        CompletableFuture<ModelMetadata> metadata = CompletableFuture.supplyAsync(() -> {
            try {
                return parseMetadata(metadataJson, file);
            } catch (ModelLoadException e) {
                throw new LoadFailure(e);
            }
        }, ModelFile::onOwnThread);
        MultiLayerNetwork net;
        try {
            net = ready(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false));
        } catch (IOException | RuntimeException e) {
            joined(metadata, file); // a metadata problem is the one to report, as before
            throw networkUnreadable(file, e);
        }
        ModelMetadata m = joined(metadata, file);
        try {
            return new LoadedModel(file, net, m, loadPartners(file, m));
        } catch (IOException | RuntimeException e) {
            throw networkUnreadable(file, e);
        }
    }

    /** A thread of its own, not the common pool: a load must not wait behind a busy pool's work. */
    private static void onOwnThread(Runnable task) {
        Thread t = new Thread(task, "lunglens-model-metadata");
        t.setDaemon(true);
        t.start();
    }

    private static ModelLoadException networkUnreadable(Path file, Exception cause) {
        return new ModelLoadException(file + ": the network inside the model file cannot be read ("
                + cause.getMessage() + ")", cause);
    }

    /** The metadata parsed on another thread, or what its parsing failed with: a {@link ModelLoadException}, or an error. */
    private static ModelMetadata joined(CompletableFuture<ModelMetadata> task, Path file) throws ModelLoadException {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof LoadFailure f) {
                throw f.exception;
            }
            if (e.getCause() instanceof Error error) {
                throw error; // out of memory, say: not the file's fault, so not said to be
            }
            throw new ModelLoadException(file + ": the model's metadata is unreadable (" + e.getCause() + ")", e.getCause());
        }
    }

    /** Carries a checked {@link ModelLoadException} out of a {@link CompletableFuture}'s task. */
    private static final class LoadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ModelLoadException exception;

        LoadFailure(ModelLoadException exception) {
            super(exception.getMessage(), exception, false, false);
            this.exception = exception;
        }
    }

    private static List<LoadedModel> loadPartners(Path file, ModelMetadata metadata)
            throws IOException, ModelLoadException {
        List<LoadedModel> partners = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!entry.getName().startsWith(PARTNERS_DIR) || entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    partners.add(partner(file, entry.getName(), in.readAllBytes()));
                } catch (IOException | RuntimeException e) {
                    throw new ModelLoadException(file + ": its partner " + entry.getName() + " cannot be read ("
                            + e.getMessage() + ")", e);
                }
            }
        }
        if (!partners.isEmpty()) {
            checkCombinable(file, metadata, partners);
        }
        return partners;
    }

    /**
     * A partner read from its bytes in memory, as DL4J's ModelSerializer reads a file (configuration JSON,
     * then the flat parameter vector): DL4J's own stream reader would first copy it to a temporary file,
     * and an installed LungLens writes nowhere outside its user folders.
     */
    private static LoadedModel partner(Path file, String name, byte[] modelZip) throws IOException, ModelLoadException {
        String configuration = null;
        INDArray parameters = null;
        ModelMetadata metadata = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(modelZip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                switch (e.getName()) {
                    case "configuration.json" -> configuration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    case "coefficients.bin" -> parameters = Nd4j.read(new DataInputStream(new ByteArrayInputStream(in.readAllBytes())));
                    case METADATA_ENTRY -> metadata = JSON.readValue(in.readAllBytes(), ModelMetadata.class);
                    default -> {
                        if (e.getName().startsWith(PARTNERS_DIR)) {
                            throw new ModelLoadException(file + ": its partner " + name + " is itself a combined model");
                        }
                    }
                }
            }
        }
        if (configuration == null || parameters == null || metadata == null) {
            throw new ModelLoadException(file + ": its partner " + name + " lacks its configuration, weights or metadata");
        }
        checkVersion(metadata, file + ": its partner " + name);
        MultiLayerNetwork net = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(configuration));
        net.init(parameters, false);
        return new LoadedModel(file, ready(net), metadata);
    }

    /** A restored network made ready for inference and Grad-CAM. */
    private static MultiLayerNetwork ready(MultiLayerNetwork net) {
        // Without it, a backward pass (Grad-CAM) on a reloaded network fails with an NPE.
        net.initGradientsView();
        // A model saved by training keeps the trainer's cache mode in its configuration; running needs none
        return prepare(withCacheMode(net, CacheMode.NONE));
    }

    /**
     * Sets what each layer keeps of its forward pass for the backward one, on the configuration and on every layer:
     * DL4J's {@code setCacheMode} sets only the layers, and its training loop reads the configuration's.
     */
    public static MultiLayerNetwork withCacheMode(MultiLayerNetwork net, CacheMode mode) {
        net.getLayerWiseConfigurations().setCacheMode(mode);
        net.setCacheMode(mode);
        return net;
    }

    /**
     * The one door for every network that is built, loaded or copied (after {@code init()}): puts its layers on
     * libnd4j's native ops ({@link NativeLayerHelpers}) and its 2x2 max pools on a faster forward pass ({@link
     * HalvingMaxPool}). A network that misses this runs 6-7x slower, silently;
     * where DL4J no longer allows it, one warning is logged and the network keeps DL4J's own layers.
     */
    public static MultiLayerNetwork prepare(MultiLayerNetwork net) {
        HalvingMaxPool.install(net);
        NativeLayerHelpers.SHARED.install(net);
        return net;
    }

    private static void checkVersion(ModelMetadata m, String where) throws ModelLoadException {
        if (m.formatVersion() > ModelMetadata.COMBINED_FORMAT_VERSION) {
            throw new ModelLoadException(where + ": model format " + m.formatVersion()
                    + " is newer than this LungLens understands (" + ModelMetadata.COMBINED_FORMAT_VERSION + ")");
        }
    }

    /** What a combined model needs: a binary first network and the same input and a COVID class in every one. */
    public static void checkCombinable(Path file, ModelMetadata primary, List<LoadedModel> partners) throws ModelLoadException {
        if (!primary.isBinary() || !primary.classes().contains(ModelMetadata.COVID)) {
            throw new ModelLoadException(file + ": a combined model's first network must be a binary COVID model");
        }
        for (LoadedModel p : partners) {
            ModelMetadata m = p.metadata();
            if (!m.classes().contains(ModelMetadata.COVID)) {
                throw new ModelLoadException(file + ": partner " + m.name() + " has no class " + ModelMetadata.COVID);
            }
            if (!m.preprocessing().equals(primary.preprocessing())) {
                throw new ModelLoadException(file + ": partner " + m.name() + " expects other input ("
                        + m.preprocessing() + ") than " + primary.name() + " (" + primary.preprocessing() + ")");
            }
        }
    }

    /** Reads only the metadata: cheap, for listings and for refusing foreign files early. */
    public static ModelMetadata readMetadata(Path file) throws ModelLoadException {
        return parseMetadata(metadataJson(file), file);
    }

    /** The metadata entry's bytes, once the file is known to be a model zip with a network in it. */
    private static byte[] metadataJson(Path file) throws ModelLoadException {
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
                return in.readAllBytes();
            }
        } catch (ZipException e) {
            throw new ModelLoadException(file + ": not a model file (not a zip archive)", e);
        } catch (IOException e) {
            throw new ModelLoadException(file + ": the model's metadata is unreadable (" + e.getMessage() + ")", e);
        }
    }

    /** Parses and version-checks the metadata. */
    private static ModelMetadata parseMetadata(byte[] json, Path file) throws ModelLoadException {
        ModelMetadata m;
        try {
            m = JSON.readValue(json, ModelMetadata.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelLoadException(file + ": the model's metadata is unreadable (" + e.getMessage() + ")", e);
        }
        checkVersion(m, file.toString());
        return m;
    }

    /** The file's SHA-256 in hex: what model cards, the AI tab and the patient log name a model by. */
    public static String sha256(Path file) throws IOException {
        return FileFingerprint.of(file).sha256();
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
