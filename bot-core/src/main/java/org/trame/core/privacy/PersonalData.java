package org.trame.core.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trame.core.personaldata.PersonalDataContribution;
import org.trame.core.personaldata.PersonalDataContribution.AuthorTags;
import org.trame.core.personaldata.PersonalDataContribution.Subject;
import org.trame.core.personaldata.Rows;
import org.trame.core.port.Attachment;
import org.trame.core.storage.Json;

/**
 * Everything the bot holds about one member on one platform, across their collectives: the rows
 * themselves, so that the export is complete rather than a retelling. Each feature tells which rows
 * are the member's ({@link PersonalDataContribution}); check-in answers, stored without their
 * author, are found through the author's keyed tag (see {@link Pseudonyms}).
 */
final class PersonalData {

  static final String FILE_NAME = "mydata.json";

  /** One collective's part of the export: table-like sections, each a list of rows. */
  record Part(String collectiveId, Map<String, List<Map<String, Object>>> sections) {

    int count(String section) {
      return sections.getOrDefault(section, List.of()).size();
    }
  }

  private PersonalData() {}

  /** The member's rows in each of their collectives, section by section in the order the contributions come. */
  static List<Part> collect(Connection c, List<PersonalDataContribution> contributions, AuthorTags tags, String platform,
      String memberId) throws SQLException {
    List<Part> parts = new java.util.ArrayList<>();
    for (String k : Rows.collectivesOf(c, platform, memberId)) {
      Map<String, List<Map<String, Object>>> s = new LinkedHashMap<>();
      Subject subject = new Subject(c, platform, k, memberId, displayName(c, k, memberId), tags);
      for (PersonalDataContribution contribution : contributions) {
        contribution.export(subject, s);
      }
      parts.add(new Part(k, s));
    }
    return parts;
  }

  /**
   * What is kept for the whole platform rather than per collective (the dedup log's keys that name
   * the member): these come once, beside the collectives.
   */
  static Map<String, List<Map<String, Object>>> acrossCollectives(Connection c, List<PersonalDataContribution> contributions,
      String platform, String memberId) throws SQLException {
    Map<String, List<Map<String, Object>>> s = new LinkedHashMap<>();
    for (PersonalDataContribution contribution : contributions) {
      contribution.exportAcrossCollectives(c, platform, memberId, s);
    }
    return s;
  }

  static String displayName(Connection c, String collectiveId, String memberId) throws SQLException {
    try (var rs = org.trame.core.storage.Sql.query(c, "SELECT coalesce(display_name, member_id) FROM member"
        + " WHERE collective_id = ? AND member_id = ?", collectiveId, memberId).executeQuery()) {
      return rs.next() ? rs.getString(1) : memberId;
    }
  }

  /** The JSON file: readable (indented), complete, with a note on how check-in answers are kept. */
  static Attachment file(String platform, String memberId, List<Part> parts, Map<String, List<Map<String, Object>>> across,
      Instant now) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("exported_at", now.toString());
    doc.put("platform", platform);
    doc.put("member_id", memberId);
    doc.put("note", "Check-in answers are stored without your name, under a tag that only the bot's key, kept outside"
        + " the database, links to you; yours are in checkin_answers (answers given before that tag existed cannot be"
        + " found). / Les réponses aux points d'étape sont enregistrées sans votre nom, avec une étiquette que seule la"
        + " clé du bot, gardée hors de la base, relie à vous ; les vôtres sont dans checkin_answers (celles données"
        + " avant cette étiquette ne peuvent pas être retrouvées).");
    Map<String, Object> collectives = new LinkedHashMap<>();
    parts.forEach(p -> collectives.put(p.collectiveId(), p.sections()));
    doc.put("collectives", collectives);
    doc.putAll(across);
    try {
      byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
      if (bytes.length <= Attachment.LARGEST) {
        return new Attachment(FILE_NAME, "application/json", bytes);
      }
      // A long history (every message received is in it) outgrows what one attachment may carry:
      // the same document, compact and gzipped, which any system opens; nothing is left out.
      byte[] compressed = gzip(Json.MAPPER.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8));
      if (compressed.length > Attachment.LARGEST) {
        throw new IllegalStateException("the export is " + compressed.length + " bytes even compressed; at most " + Attachment.LARGEST);
      }
      return new Attachment(FILE_NAME + ".gz", "application/gzip", compressed);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the export", e);
    }
  }

  private static byte[] gzip(byte[] bytes) {
    var out = new java.io.ByteArrayOutputStream(bytes.length / 8 + 64);
    try (var zip = new java.util.zip.GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("compressing the export in memory failed", e);
    }
    return out.toByteArray();
  }
}
