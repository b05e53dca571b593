package org.lunglens.patientlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.patientlog.LogStoreException.Reason;

class PatientRepositoryTest {
    @TempDir
    Path dir;
    PatientLog log;

    @BeforeEach
    void open() throws LogStoreException {
        log = TestLogs.open(dir.resolve("log.db"));
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void addAssignsIdAndKeepsEveryField() throws LogStoreException {
        Patient saved = log.patients().add(Patient.draft("P-001", "Ada Lovelace", "1815-12-10", Sex.FEMALE, "note"));

        assertThat(saved.id()).isPositive();
        assertThat(saved.createdAt()).isNotNull().isEqualTo(saved.updatedAt());
        assertThat(log.patients().find(saved.id())).contains(saved);
        assertThat(log.patients().findByLocalId("P-001")).contains(saved);
        assertThat(saved).extracting(Patient::localId, Patient::name, Patient::birth, Patient::sex, Patient::notes,
                Patient::archived).containsExactly("P-001", "Ada Lovelace", "1815-12-10", Sex.FEMALE, "note", false);
    }

    @Test
    void birthMayBeAYearOrADateOnly() {
        assertThat(Patient.draft("a", "", "1948", Sex.MALE, "").birth()).isEqualTo("1948");
        assertThatThrownBy(() -> Patient.draft("a", "", "48", Sex.MALE, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Patient.draft("a", "", "1948-13-40", Sex.MALE, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void updateChangesDetails() throws LogStoreException {
        Patient saved = log.patients().add(Patient.draft("P-1", "Old", "1950", Sex.UNKNOWN, ""));

        Patient updated = log.patients().update(saved.withDetails("P-1b", "New", "1951-02-03", Sex.MALE, "x"));

        assertThat(updated).extracting(Patient::id, Patient::localId, Patient::name, Patient::birth, Patient::sex)
                .containsExactly(saved.id(), "P-1b", "New", "1951-02-03", Sex.MALE);
        assertThat(log.patients().find(saved.id())).contains(updated);
    }

    @Test
    void duplicateLocalIdIsAConflict() throws LogStoreException {
        Patient first = log.patients().add(Patient.draft("P-1", "A", null, Sex.FEMALE, ""));
        log.patients().archive(first.id());
        Patient second = log.patients().add(Patient.draft("P-2", "B", null, Sex.FEMALE, ""));

        assertThatThrownBy(() -> log.patients().add(Patient.draft("P-1", "C", null, Sex.MALE, "")))
                .isInstanceOf(LogStoreException.class).hasMessageContaining("P-1")
                .extracting(e -> ((LogStoreException) e).reason()).isEqualTo(Reason.CONFLICT);
        assertThatThrownBy(() -> log.patients().update(second.withDetails("P-1", "B", null, Sex.FEMALE, "")))
                .extracting(e -> ((LogStoreException) e).reason()).isEqualTo(Reason.CONFLICT);
    }

    @Test
    void updatingAMissingPatientIsNotFound() {
        Patient ghost = new Patient(999, "X", "", null, Sex.UNKNOWN, "", false, null, null);
        assertThatThrownBy(() -> log.patients().update(ghost))
                .extracting(e -> ((LogStoreException) e).reason()).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void archivedPatientsAreHiddenButKeptAndRestorable() throws LogStoreException {
        Patient p = log.patients().add(Patient.draft("P-1", "A", null, Sex.FEMALE, ""));

        assertThat(log.patients().archive(p.id()).archived()).isTrue();
        assertThat(log.patients().search(PatientQuery.all())).isEmpty();
        assertThat(log.patients().search(PatientQuery.all().withArchived(true))).extracting(Patient::id)
                .containsExactly(p.id());
        assertThat(log.patients().restore(p.id()).archived()).isFalse();
        assertThat(log.patients().search(PatientQuery.all())).hasSize(1);
    }

    @Test
    void searchMatchesIdNameAndNotesAndFiltersBySex() throws LogStoreException {
        log.patients().add(Patient.draft("A-1", "Maria Curie", null, Sex.FEMALE, ""));
        log.patients().add(Patient.draft("B-2", "Alan Turing", null, Sex.MALE, "follow-up in March"));
        log.patients().add(Patient.draft("C-3", "Grace Hopper", null, Sex.FEMALE, ""));

        assertThat(names(PatientQuery.all().withText("curie"))).containsExactly("Maria Curie");
        assertThat(names(PatientQuery.all().withText("b-2"))).containsExactly("Alan Turing");
        assertThat(names(PatientQuery.all().withText("march"))).containsExactly("Alan Turing");
        assertThat(names(PatientQuery.all().withSex(Sex.FEMALE))).containsExactly("Maria Curie", "Grace Hopper");
        assertThat(names(PatientQuery.all().withText("r").withSex(Sex.FEMALE)))
                .containsExactly("Maria Curie", "Grace Hopper");
    }

    @Test
    void searchSortsByTheChosenColumn() throws LogStoreException {
        log.patients().add(Patient.draft("A-1", "zed", "1990", Sex.FEMALE, ""));
        log.patients().add(Patient.draft("B-2", "Amy", "1950", Sex.MALE, ""));
        log.patients().add(Patient.draft("C-3", "mo", "1970", Sex.FEMALE, ""));

        assertThat(names(PatientQuery.all().sortedBy(PatientQuery.SortBy.NAME, SortOrder.ASCENDING)))
                .containsExactly("Amy", "mo", "zed");
        assertThat(names(PatientQuery.all().sortedBy(PatientQuery.SortBy.BIRTH, SortOrder.DESCENDING)))
                .containsExactly("zed", "mo", "Amy");
        assertThat(names(PatientQuery.all().sortedBy(PatientQuery.SortBy.LOCAL_ID, SortOrder.DESCENDING)))
                .containsExactly("mo", "Amy", "zed");
    }

    @Test
    void searchTreatsWildcardsLiterally() throws LogStoreException {
        log.patients().add(Patient.draft("P-1", "100% sure", null, Sex.FEMALE, ""));
        log.patients().add(Patient.draft("P-2", "1000 sure", null, Sex.FEMALE, ""));
        log.patients().add(Patient.draft("P_3", "under", null, Sex.FEMALE, ""));

        assertThat(names(PatientQuery.all().withText("100%"))).containsExactly("100% sure");
        assertThat(names(PatientQuery.all().withText("P_"))).containsExactly("under");
    }

    @Test
    void aClosedLogRefusesFurtherCalls() {
        log.close();

        assertThatThrownBy(() -> log.patients().search(PatientQuery.all()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private List<String> names(PatientQuery query) throws LogStoreException {
        return log.patients().search(query).stream().map(Patient::name).toList();
    }
}
