package org.lunglens.ui.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Training facts as the model card window shows them: numbers rounded, a combined model's networks one per line. */
class ModelCardViewFormatTest {
    @Test
    void networksOfACombinedModelGetOneLineEach() {
        Map<String, Object> binary = new LinkedHashMap<>();
        binary.put("name", "covid-binary");
        binary.put("parameters", 574850);
        Map<String, Object> multi = new LinkedHashMap<>();
        multi.put("name", "cxr-multiclass");
        multi.put("parameters", 574979);

        assertThat(ModelCardView.format(List.of(binary, multi)))
                .isEqualTo("name: covid-binary, parameters: 574850\nname: cxr-multiclass, parameters: 574979");
        assertThat(ModelCardView.format(0.123456)).isEqualTo("0.1235");
        assertThat(ModelCardView.format(List.of(1, 2))).isEqualTo("[1, 2]");
        assertThat(ModelCardView.format(null)).isEqualTo("\u2014");
    }
}
