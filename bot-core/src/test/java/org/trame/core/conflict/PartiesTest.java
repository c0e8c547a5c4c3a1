package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.storage.Member;

class PartiesTest {

  static final Member ALICE = new Member("slack:T1", "U123", "Alice Martin", null, null, null);
  static final Member BOB = new Member("discord:9", "4242", "bob", null, null, null);
  static final List<Member> MEMBERS = List.of(ALICE, BOB);

  @Test
  @DisplayName("Slack and Discord mentions, @names and plain names all find the member; strangers find no one")
  void mentions() {
    assertEquals(Optional.of(ALICE), Parties.resolve(MEMBERS, "<@U123>"));
    assertEquals(Optional.of(ALICE), Parties.resolve(MEMBERS, "<@U123|alice.martin>"));
    assertEquals(Optional.of(BOB), Parties.resolve(MEMBERS, "<@!4242>"));
    assertEquals(Optional.of(BOB), Parties.resolve(MEMBERS, "<@4242>"));
    assertEquals(Optional.of(BOB), Parties.resolve(MEMBERS, "@Bob,"));
    assertEquals(Optional.of(BOB), Parties.resolve(MEMBERS, "bob"));
    assertEquals(Optional.empty(), Parties.resolve(MEMBERS, "@zoe"));
    assertEquals(Optional.empty(), Parties.resolve(MEMBERS, "<@999>"));
    assertEquals(Optional.empty(), Parties.resolve(MEMBERS, "@"));
  }
}
