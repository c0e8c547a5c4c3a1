package org.trame.core.personaldata;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What one feature stores about a member, told by that feature: which of its tables hold a member
 * (and in which columns), what the member's export shows of them, what their erasure deletes or
 * anonymises, and what the daily retention run forgets. Contributions are registered in
 * org.trame.core.Features; export and retention run them in that order, erasure in the reverse
 * order, so that the kernel's member and conversations, which features' rows point at, go last.
 */
public interface PersonalDataContribution {

  /** The tables this contribution answers for, each with the columns that name a member. */
  List<Table> tables();

  /** Adds the member's rows in one collective to their export, as named sections in the order shown. */
  void export(Subject member, Map<String, List<Map<String, Object>>> sections) throws SQLException;

  /**
   * Adds what the member wrote here (before anything is erased), so that copies of it elsewhere
   * (messages still held) can be scrubbed too.
   */
  default void written(Subject member, Written texts) throws SQLException {}

  /** Erases the member's rows in one collective, or cuts them loose where the others still need them. */
  void erase(Forgetting member) throws SQLException;

  /** Forgets what the collective's retention says is too old; what it counts is reported in the audit log. */
  default List<Purged> retain(Expiry expiry) throws SQLException {
    return List.of();
  }

  /** Rows kept for the whole platform rather than per collective, for the export (top-level sections). */
  default void exportAcrossCollectives(Connection c, String platform, String memberId,
      Map<String, List<Map<String, Object>>> sections) throws SQLException {}

  /** Erases rows kept for the whole platform, once the member's collectives are done. */
  default void eraseAcrossCollectives(Connection c, String platform, String memberId) throws SQLException {}

  /**
   * A table and its columns naming a member: an id, an opener or author, a keyed tag, or ids inside
   * a text (a message, a job's payload, a dedup key).
   */
  record Table(String name, List<String> memberColumns) {
    public static Table of(String name, String... memberColumns) {
      return new Table(name, List.of(memberColumns));
    }
  }

  /** Computes a member's keyed tag in a round (check-in answers carry it instead of their author). */
  @FunctionalInterface
  interface AuthorTags {
    String tag(String platform, String collectiveId, String memberId, long roundId);
  }

  /** The member whose data is read or erased, in one collective. */
  record Subject(Connection connection, String platform, String collectiveId, String memberId, String displayName,
      AuthorTags tags) {

    /** Their tag in a round of this collective. */
    public String tag(long roundId) {
      return tags.tag(platform, collectiveId, memberId, roundId);
    }
  }

  /** An erasure in one collective: the member, the random token that replaces their id, and every text they wrote there. */
  record Forgetting(Subject member, String token, java.util.Set<String> texts) {
    public Connection connection() {
      return member.connection();
    }

    public String collectiveId() {
      return member.collectiveId();
    }

    public String memberId() {
      return member.memberId();
    }
  }

  /** A retention run in one collective: what was closed or written before {@code cutoff} (epoch ms) is too old. */
  record Expiry(Connection connection, String collectiveId, long cutoff, long now) {}

  /** How many things of one kind a retention run forgot, as the audit log names them ("conversations"). */
  record Purged(int count, String what) {}
}
