package org.trame.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.port.Attachment;

/** A member with a long history still receives all of it. */
class LargeExportTest {

  @Test
  @DisplayName("an export larger than one attachment may carry arrives whole, gzipped, instead of failing the member's turn")
  void largeExportIsCompressedNotLost() throws Exception {
    // given a member whose history (here 20,000 messages received) makes a JSON document over 2 MB
    List<Map<String, Object>> received = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("text", "Message number " + i + ": the collective's check-in, answers until Friday at noon, thank you.");
      row.put("sent_at", 1_700_000_000_000L + i);
      received.add(row);
    }
    PersonalData.Part part = new PersonalData.Part("console:big", Map.of("messages_delivered", received));

    // when the export file is made
    Attachment file = PersonalData.file("console", "alice", List.of(part), Map.of(), Instant.parse("2026-12-08T05:00:00Z"));

    // then it is the gzipped document, within the limit, and holds every message
    assertEquals("mydata.json.gz", file.fileName());
    assertEquals("application/gzip", file.mediaType());
    assertTrue(file.bytes().length <= Attachment.LARGEST, file.bytes().length + " bytes");
    JsonNode doc;
    try (var in = new GZIPInputStream(new ByteArrayInputStream(file.bytes()))) {
      doc = new ObjectMapper().readTree(in.readAllBytes());
    }
    assertEquals(20_000, doc.at("/collectives/console:big/messages_delivered").size());
    assertEquals("alice", doc.get("member_id").asText());
  }
}
