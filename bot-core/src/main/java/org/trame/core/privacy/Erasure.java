package org.trame.core.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.trame.core.personaldata.PersonalDataContribution;
import org.trame.core.personaldata.PersonalDataContribution.AuthorTags;
import org.trame.core.personaldata.PersonalDataContribution.Forgetting;
import org.trame.core.personaldata.PersonalDataContribution.Subject;
import org.trame.core.personaldata.Rows;
import org.trame.core.personaldata.Written;

/**
 * Erases a member (seed 004 sheet 9, transparency; GDPR erasure): their answers and conversations
 * are deleted, and where a row must stay for the others (who was asked in a round, who opened it,
 * a plan step) their id is replaced by a random token kept nowhere, so nothing links back. What was
 * already published (reports, aggregates) stays, without them: their check-in scores stay, found
 * through their keyed tag and cut loose from it, while their remarks go. Each feature erases its
 * own rows ({@link PersonalDataContribution}); this class keeps the order and the texts.
 */
final class Erasure {

  private Erasure() {}

  /**
   * Erases the member on {@code platform}, in every collective, in the caller's transaction;
   * returns the texts they had written, for the caller to keep out of what it still sends.
   */
  static Set<String> forget(Connection c, List<PersonalDataContribution> contributions, AuthorTags tags, String platform,
      String memberId, Written.FreeText freeText) throws SQLException {
    List<String> collectives = Rows.collectivesOf(c, platform, memberId);
    Set<String> written = new LinkedHashSet<>();
    String token = "erased-" + UUID.randomUUID();
    List<PersonalDataContribution> lastFirst = new ArrayList<>(contributions);
    java.util.Collections.reverse(lastFirst);
    for (String k : collectives) {
      // The name is read before the member's row goes: a plan step's owner may be typed as it.
      Subject member = new Subject(c, platform, k, memberId, PersonalData.displayName(c, k, memberId), tags);
      // Every text first, from every feature: the outbox is scrubbed of all of them, whichever table held them.
      Written texts = new Written(freeText);
      for (PersonalDataContribution contribution : contributions) {
        contribution.written(member, texts);
      }
      Set<String> longestFirst = longestFirst(texts.texts());
      written.addAll(longestFirst);
      // Last registered, first erased: the kernel's member and conversations, which others point at, go last.
      Forgetting forgetting = new Forgetting(member, token, longestFirst);
      for (PersonalDataContribution contribution : lastFirst) {
        contribution.erase(forgetting);
      }
    }
    for (PersonalDataContribution contribution : lastFirst) {
      contribution.eraseAcrossCollectives(c, platform, memberId);
    }
    return longestFirst(written);
  }

  /**
   * A text that holds another is replaced whole before the shorter one is looked for: otherwise
   * the rest of the longer one would be left behind, whichever feature found which first.
   */
  private static Set<String> longestFirst(Set<String> texts) {
    List<String> sorted = new ArrayList<>(texts);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new LinkedHashSet<>(sorted);
  }
}
