package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSearchTest {
    @TempDir
    Path dir;
    PatientLog log;
    Patient ada;
    Patient alan;
    ImageRecord adaCovid;
    ImageRecord adaNormal;
    ImageRecord alanImage;
    ImageRecord loose;

    @BeforeEach
    void fill() throws LogStoreException {
        log = TestLogs.open(dir.resolve("log.db"));
        ada = log.patients().add(Patient.draft("P-1", "Ada", "1815", Sex.FEMALE, "asthma"));
        alan = log.patients().add(Patient.draft("P-2", "Alan", "1912", Sex.MALE, ""));
        adaCovid = register(1, "/x/ada-1.png", LocalDate.of(2020, 3, 1), ada);
        adaNormal = register(2, "/x/ada-2.png", LocalDate.of(2021, 6, 1), ada);
        alanImage = register(3, "/y/alan.dcm", LocalDate.of(2022, 1, 9), alan);
        loose = register(4, "/z/unknown.png", null, null);
        log.analyses().add(TestLogs.analysisDraft(adaCovid.id(), 0.3));
        log.analyses().add(TestLogs.analysisDraft(adaCovid.id(), 0.95));
        log.analyses().add(TestLogs.analysisDraft(adaNormal.id(), 0.1));
        log.analyses().add(TestLogs.analysisDraft(alanImage.id(), 0.6));
        log.reads().add(ReadRecord.draft(adaCovid.id(), "COVID", 0.8, false, "bilateral opacities"));
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void oneRowPerImageWithPatientLatestAnalysisAndRead() throws LogStoreException {
        List<LogRow> rows = log.search(LogQuery.all().sortedBy(LogQuery.SortBy.PATH, SortOrder.ASCENDING));

        assertThat(rows).extracting(LogRow::imageId)
                .containsExactly(adaCovid.id(), adaNormal.id(), alanImage.id(), loose.id());
        LogRow first = rows.get(0);
        assertThat(first).extracting(LogRow::patientLocalId, LogRow::patientName, LogRow::predictedClass,
                LogRow::predictedProbability, LogRow::readFinding, LogRow::readConfidence, LogRow::readAfterAi)
                .containsExactly("P-1", "Ada", "COVID", 0.95, "COVID", 0.8, false);
        assertThat(rows.get(3)).extracting(LogRow::patientId, LogRow::analysisId, LogRow::readFinding)
                .containsExactly(null, null, null);
    }

    @Test
    void textMatchesPathPatientNotesAndReadText() throws LogStoreException {
        assertThat(ids(LogQuery.all().withText(".dcm"))).containsExactly(alanImage.id());
        assertThat(ids(LogQuery.all().withText("asthma"))).containsExactlyInAnyOrder(adaCovid.id(), adaNormal.id());
        assertThat(ids(LogQuery.all().withText("OPACITIES"))).containsExactly(adaCovid.id());
        assertThat(ids(LogQuery.all().withText("p-2"))).containsExactly(alanImage.id());
    }

    @Test
    void filtersByPatientClassProbabilityAndDate() throws LogStoreException {
        assertThat(ids(LogQuery.all().forPatient(ada.id()))).containsExactlyInAnyOrder(adaCovid.id(), adaNormal.id());
        assertThat(ids(LogQuery.all().withPredictedClass("COVID")))
                .containsExactlyInAnyOrder(adaCovid.id(), alanImage.id());
        assertThat(ids(LogQuery.all().withMinProbability("COVID", 0.9))).containsExactly(adaCovid.id());
        assertThat(ids(LogQuery.all().withMinProbability("Normal", 0.85))).containsExactly(adaNormal.id());
        assertThat(ids(LogQuery.all().acquiredBetween(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31))))
                .containsExactly(adaNormal.id());
    }

    @Test
    void sortsByProbabilityWithMissingValuesLast() throws LogStoreException {
        LogQuery byProbability = LogQuery.all().sortedBy(LogQuery.SortBy.PREDICTED_PROBABILITY, SortOrder.DESCENDING);

        assertThat(ids(byProbability)).containsExactly(adaCovid.id(), adaNormal.id(), alanImage.id(), loose.id());
        assertThat(ids(byProbability.sortedBy(LogQuery.SortBy.ACQUIRED, SortOrder.ASCENDING)))
                .containsExactly(adaCovid.id(), adaNormal.id(), alanImage.id(), loose.id());
    }

    @Test
    void archivedImagesAndPatientsAreHiddenUnlessAsked() throws LogStoreException {
        log.images().archive(loose.id());
        log.patients().archive(alan.id());

        assertThat(ids(LogQuery.all())).containsExactlyInAnyOrder(adaCovid.id(), adaNormal.id());
        assertThat(ids(LogQuery.all().withArchived(true))).hasSize(4);
        assertThat(log.search(LogQuery.all().withArchived(true)).stream().filter(LogRow::imageArchived)
                .map(LogRow::imageId)).containsExactly(loose.id());
    }

    private ImageRecord register(int seed, String path, LocalDate date, Patient patient) throws LogStoreException {
        ImageRecord image = log.images().register(path, TestLogs.fingerprint(seed), "PNG", date);
        return patient == null ? image : log.images().attachToPatient(image.id(), patient.id());
    }

    private List<Long> ids(LogQuery query) throws LogStoreException {
        return log.search(query).stream().map(LogRow::imageId).toList();
    }
}
