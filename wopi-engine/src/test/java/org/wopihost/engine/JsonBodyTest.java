package org.wopihost.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class JsonBodyTest {

    @Test
    void writesTheSameBytesAsJacksonsMapSerializer() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("BaseFileName", "r\u00e9sum\u00e9 \"draft\" \\ \u2028 \n<script>.docx");
        fields.put("Size", 1234567890123L);
        fields.put("FileNameMaxLength", 250);
        fields.put("UserCanWrite", true);
        fields.put("ReadOnly", false);
        fields.put("SupportedShareUrlTypes", List.of("ReadOnly", "ReadWrite"));
        fields.put("Nothing", null);
        fields.put("Emoji", "\ud83d\udcc4");

        WopiResponse.Body body = JsonBody.of(fields);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        body.writeTo(written);

        byte[] expected = new ObjectMapper().writeValueAsBytes(fields);
        assertThat(written.toByteArray()).isEqualTo(expected);
        assertThat(body.length()).isEqualTo(expected.length);
    }
}
