package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.report.CombinedModelCard;
import org.lunglens.testutil.SharedData;
import org.lunglens.testutil.TinyModels;

/** A binary and a 3-class tiny model, trained on one split of real films, combined into one binary model. */
class CombinerTest {
    @TempDir
    static Path tmp;
    private static Path data;
    private static Path binary;
    private static Path multiclass;
    private static Combiner.Result result;
    private static Path out;

    @BeforeAll
    static void trainAndCombine() throws Exception {
        data = SharedData.miniDataset(tmp.resolve("data"), 15, TinyModels.CLASSES);
        binary = TinyModels.train(data, ModelMetadata.BINARY, tmp.resolve("models/b.zip"), 1);
        multiclass = TinyModels.train(data, ModelMetadata.MULTICLASS, tmp.resolve("models/m.zip"), 1);
        out = tmp.resolve("models/combined.zip");
        result = Combiner.combine(binary, List.of(multiclass), data, out, "combine ...", ProgressListener.NONE);
    }

    @Test
    void reloadedCombinedModelReadsTheMeanOfItsNetworksLogOdds() throws Exception {
        LoadedModel loaded = ModelFile.load(out);
        assertThat(loaded.metadata().formatVersion()).isEqualTo(ModelMetadata.COMBINED_FORMAT_VERSION);
        assertThat(loaded.partners()).hasSize(1);
        assertThat(loaded.partners().get(0).metadata().classes()).isEqualTo(TinyModels.CLASSES);
        Classifier combined = new Classifier(loaded);
        Classifier b = new Classifier(ModelFile.load(binary));
        Classifier m = new Classifier(ModelFile.load(multiclass));
        List<LabelledImage> test = Split.readSet(Combiner.splitFileOf(out), data, Split.TEST);
        InputCache cache = new InputCache(test, combined.preprocessor(), ProgressListener.NONE);
        List<float[]> inputs = cache.readable(test).stream().map(i -> cache.get(i.file())).toList();
        assertThat(inputs).isNotEmpty();
        float[][] actual = combined.predictInputs(inputs);
        float[][] pb = b.predictInputs(inputs);
        float[][] pm = m.predictInputs(inputs);
        int covid = loaded.metadata().classes().indexOf(ModelMetadata.COVID);
        for (int i = 0; i < inputs.size(); i++) {
            double expected = (CovidOdds.logOdds(pb[i], b.model().metadata().classes().indexOf("COVID"))
                    + CovidOdds.logOdds(pm[i], TinyModels.CLASSES.indexOf("COVID"))) / 2;
            assertThat((double) actual[i][covid]).isCloseTo(1 / (1 + Math.exp(-expected)), within(1e-5));
            assertThat(actual[i][0] + actual[i][1]).isCloseTo(1f, within(1e-6f));
        }
        // A second load gives the same outputs: nothing is lost when the partner is packed and unpacked
        assertThat(new Classifier(ModelFile.load(out)).predictInputs(inputs)).isDeepEqualTo(actual);
    }

    @Test
    void evaluateOnTheCopiedSplitGivesTheFiguresStoredInTheModel() throws Exception {
        assertThat(Files.mismatch(Combiner.splitFileOf(out), Combiner.splitFileOf(binary))).isEqualTo(-1);
        List<LabelledImage> test = Split.readSet(Combiner.splitFileOf(out), data, Split.TEST);
        Classifier classifier = new Classifier(ModelFile.load(out));
        Evaluation again = Evaluator.evaluate(classifier, test, new InputCache(test, classifier.preprocessor(),
                ProgressListener.NONE));
        assertThat(again.report().get("accuracy")).isEqualTo(ModelFile.readMetadata(out).metrics().get("accuracy"));
        assertThat(again.metrics().confusion()).isDeepEqualTo(result.test().metrics().confusion());
        assertThat(result.networksValidation()).hasSize(2);
    }

    @Test
    void cardNamesTheNetworksAndTheFile() throws Exception {
        CombinedModelCard.write(result, out);
        String card = Files.readString(out.resolveSibling("combined.md"));
        assertThat(card).contains("Not for clinical diagnosis").contains(ModelFile.sha256(out))
                .contains(ModelFile.sha256(binary)).contains(ModelFile.sha256(multiclass))
                .contains("combined** (COVID vs non-COVID)").contains("Confusion matrix")
                .contains("| metric | value | 95% CI |").contains("| accuracy | " + accuracyAndInterval());
        assertThat(out.resolveSibling("combined.test.json")).exists();
        assertThat(out.resolveSibling("combined-roc.png")).exists();
        assertThat(out.resolveSibling("combined-reliability.png")).exists();
        assertThat(card).contains("### Calibration (test split)");
    }

    /** "0.9000 | 0.7000-0.9700 |": the test figure as the card must print it, beside its Wilson interval. */
    private String accuracyAndInterval() {
        Metrics m = result.test().metrics();
        return String.format(Locale.ROOT, "%.4f | %s |", m.accuracy(), m.accuracyInterval().format());
    }

    @Test
    void refusesAPartnerTrainedOnAnotherSplit() throws Exception {
        Path stranger = Files.createDirectories(tmp.resolve("other")).resolve("m.zip");
        Files.copy(multiclass, stranger);
        assertThatThrownBy(() -> Combiner.combine(binary, List.of(stranger), data, tmp.resolve("x.zip"), "",
                ProgressListener.NONE)).isInstanceOf(ModelLoadException.class).hasMessageContaining("split");
        List<String> lines = Files.readAllLines(Combiner.splitFileOf(multiclass));
        Files.write(Combiner.splitFileOf(stranger), lines.subList(0, lines.size() - 1));
        assertThatThrownBy(() -> Combiner.combine(binary, List.of(stranger), data, tmp.resolve("x.zip"), "",
                ProgressListener.NONE)).isInstanceOf(ModelLoadException.class).hasMessageContaining("test films");
        assertThat(tmp.resolve("x.zip")).doesNotExist();
    }

    @Test
    void refusesAMultiClassFirstNetwork() {
        assertThatThrownBy(() -> Combiner.combine(multiclass, List.of(binary), data, tmp.resolve("y.zip"), "",
                ProgressListener.NONE)).isInstanceOf(ModelLoadException.class).hasMessageContaining("binary");
    }

    @Test
    void refusesAFileOrAPartnerFromANewerLungLens() throws Exception {
        byte[] zip = Files.readAllBytes(out);
        Path newerFile = Files.write(tmp.resolve("newer.zip"), withEntry(zip, ModelFile.METADATA_ENTRY, CombinerTest::nextVersion));
        assertThatThrownBy(() -> ModelFile.load(newerFile)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("newer than this LungLens");

        String partner = ModelFile.PARTNERS_DIR + "m.zip";
        assertThat(entry(zip, partner)).as("the partner's place in the file").isNotNull();
        Path newerPartner = Files.write(tmp.resolve("newer-partner.zip"),
                withEntry(zip, partner, p -> withEntry(p, ModelFile.METADATA_ENTRY, CombinerTest::nextVersion)));
        assertThatThrownBy(() -> ModelFile.load(newerPartner)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("partner").hasMessageContaining("newer than this LungLens");
    }

    private static byte[] nextVersion(byte[] metadata) {
        try {
            ObjectNode node = (ObjectNode) ModelFile.json().readTree(metadata);
            node.put("formatVersion", ModelMetadata.COMBINED_FORMAT_VERSION + 1);
            return ModelFile.json().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zip with one entry's bytes replaced. */
    private static byte[] withEntry(byte[] zip, String name, UnaryOperator<byte[]> change) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream copy = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                copy.putNextEntry(new ZipEntry(e.getName()));
                copy.write(e.getName().equals(name) ? change.apply(content) : content);
                copy.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }
}
