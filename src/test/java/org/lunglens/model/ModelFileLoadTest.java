package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.testutil.TinyModel;

/**
 * What {@link ModelFile#load} says of a file that is not a model it can use: each refusal names the file and the
 * reason, and where both the metadata and the network are bad the metadata's reason is the one given (the two are
 * read side by side).
 */
class ModelFileLoadTest {
    @TempDir
    static Path tmp;
    private static Path model;

    @BeforeAll
    static void writeTinyModel() throws Exception {
        model = TinyModel.write(tmp.resolve("tiny.zip"));
    }

    @Test
    void loadsAModelWithItsMetadata() throws Exception {
        LoadedModel loaded = ModelFile.load(model);
        assertThat(loaded.metadata().name()).isEqualTo(TinyModel.NAME);
        assertThat(loaded.partners()).isEmpty();
    }

    @Test
    void refusesAMissingFile() {
        Path missing = tmp.resolve("nowhere.zip");
        assertThatThrownBy(() -> ModelFile.load(missing)).isInstanceOf(ModelLoadException.class)
                .hasMessage(missing + ": model file not found");
    }

    @Test
    void refusesAFileThatIsNotAZip() throws IOException {
        Path png = Files.write(tmp.resolve("film.zip"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        assertThatThrownBy(() -> ModelFile.load(png)).isInstanceOf(ModelLoadException.class)
                .hasMessage(png + ": not a model file (not a zip archive)");
    }

    @Test
    void refusesAZipWithoutLungLensMetadata() throws IOException {
        Path dl4jOnly = Files.write(tmp.resolve("dl4j-only.zip"), without(Files.readAllBytes(model), ModelFile.METADATA_ENTRY));
        assertThatThrownBy(() -> ModelFile.load(dl4jOnly)).isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(dl4jOnly + ": not a LungLens model");
    }

    @Test
    void refusesAModelWhoseNetworkIsDamaged() throws IOException {
        Path damaged = Files.write(tmp.resolve("damaged.zip"),
                replaced(Files.readAllBytes(model), Map.of("coefficients.bin", new byte[] {1, 2, 3})));
        assertThatThrownBy(() -> ModelFile.load(damaged)).isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(damaged + ": the network inside the model file cannot be read");
    }

    @Test
    void givesTheMetadatasReasonWhenTheNetworkIsDamagedToo() throws IOException {
        byte[] notJson = "{ this is not JSON".getBytes(StandardCharsets.UTF_8);
        Path both = Files.write(tmp.resolve("both.zip"), replaced(Files.readAllBytes(model),
                Map.of("coefficients.bin", new byte[] {1, 2, 3}, ModelFile.METADATA_ENTRY, notJson)));
        assertThatThrownBy(() -> ModelFile.load(both)).isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(both + ": the model's metadata is unreadable");
        assertThatThrownBy(() -> ModelFile.readMetadata(both)).isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(both + ": the model's metadata is unreadable");
    }

    private static byte[] without(byte[] zip, String name) throws IOException {
        return rewritten(zip, name, null);
    }

    private static byte[] replaced(byte[] zip, Map<String, byte[]> entries) throws IOException {
        byte[] out = zip;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            out = rewritten(out, e.getKey(), e.getValue());
        }
        return out;
    }

    /** {@code zip} with entry {@code name} replaced by {@code content}, or left out where it is null. */
    private static byte[] rewritten(byte[] zip, String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals(name)) {
                    if (content == null) {
                        continue;
                    }
                    data = content;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
