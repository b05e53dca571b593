package org.lunglens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lunglens.testutil.SharedData;

/** On the real data set and its real near-duplicate groups. */
class SplitterTest {
    private static DataFolder data;

    @BeforeAll
    static void scan() throws IOException {
        data = DataFolder.scan(SharedData.radiography());
    }

    @Test
    void everyImageLandsInExactlyOneSet() {
        Split split = Splitter.standard(42).split(data.images());
        Set<LabelledImage> all = new HashSet<>(split.train());
        all.addAll(split.validation());
        all.addAll(split.test());
        assertThat(all).hasSize(data.images().size());
        assertThat(split.train().size() + split.validation().size() + split.test().size()).isEqualTo(data.images().size());
    }

    @Test
    void isStratifiedEightyTenTenPerClass() {
        Split split = Splitter.standard(42).split(data.images());
        Map<String, Integer> total = data.counts();
        for (String cls : data.classes()) {
            double n = total.get(cls);
            assertThat(Split.countByClass(split.test()).get(cls) / n).as(cls + " test share").isCloseTo(0.1, within(0.005));
            assertThat(Split.countByClass(split.validation()).get(cls) / n).as(cls + " validation share").isCloseTo(0.1, within(0.005));
            assertThat(Split.countByClass(split.train()).get(cls) / n).as(cls + " train share").isCloseTo(0.8, within(0.01));
        }
    }

    @Test
    void keepsEveryDuplicateGroupOnOneSide() {
        Split split = Splitter.standard(42).split(data.images());
        Map<String, String> setOfGroup = new HashMap<>();
        long realGroups = data.images().stream().filter(i -> i.group().startsWith("dup:")).map(LabelledImage::group).distinct().count();
        assertThat(realGroups).as("index.csv groups were read (154 in the data set)").isEqualTo(154);
        split.sets().forEach((set, images) -> images.forEach(image -> {
            String previous = setOfGroup.putIfAbsent(image.group(), set);
            assertThat(previous == null || previous.equals(set)).as("group " + image.group() + " in " + previous + " and " + set).isTrue();
        }));
    }

    @Test
    void isReproducibleForASeedAndDiffersForAnother() {
        Split a = Splitter.standard(42).split(data.images());
        Split b = Splitter.standard(42).split(data.images());
        Split c = Splitter.standard(7).split(data.images());
        assertThat(a.test()).isEqualTo(b.test());
        assertThat(new HashSet<>(a.test())).isNotEqualTo(new HashSet<>(c.test()));
    }

    @Test
    void smallGroupsOfTheSameFilmAreNotSplit() {
        LabelledImage a1 = new LabelledImage(Path.of("a1"), "A", "g1");
        LabelledImage a2 = new LabelledImage(Path.of("a2"), "A", "g1");
        List<LabelledImage> many = new ArrayList<>(List.of(a1, a2));
        for (int i = 0; i < 40; i++) {
            many.add(new LabelledImage(Path.of("x" + i), "A", "s" + i));
        }
        for (long seed = 0; seed < 20; seed++) {
            Split s = new Splitter(0.1, 0.1, seed).split(many);
            boolean sameSide = s.train().contains(a1) == s.train().contains(a2)
                    && s.test().contains(a1) == s.test().contains(a2);
            assertThat(sameSide).isTrue();
        }
    }
}
