package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.port.MemberHints;

class MemberFactsTest {

  private static Member member(boolean manageServer, String... roleNames) {
    Member m = mock(Member.class);
    when(m.hasPermission(Permission.MANAGE_SERVER)).thenReturn(manageServer);
    List<Role> roles = new java.util.ArrayList<>();
    long id = 100;
    for (String name : roleNames) {
      Role r = mock(Role.class);
      when(r.getName()).thenReturn(name);
      when(r.getId()).thenReturn(Long.toString(id++));
      roles.add(r);
    }
    when(m.getRoles()).thenReturn(roles);
    return m;
  }

  @Test
  @DisplayName("by default, members with Manage Server are coordinators")
  void manageServer() {
    MemberFacts facts = new MemberFacts(null);
    assertTrue(facts.coordinator(member(true)));
    assertFalse(facts.coordinator(member(false, "Coordination")));
  }

  @Test
  @DisplayName("with a configured role, its holders are coordinators, by name or id, and Manage Server alone is not enough")
  void configuredRole() {
    MemberFacts byName = new MemberFacts("coordination");
    assertTrue(byName.coordinator(member(false, "Coordination")));
    assertFalse(byName.coordinator(member(true, "Members")));
    assertTrue(new MemberFacts("101").coordinator(member(false, "Members", "Pilots")));
  }

  @Test
  @DisplayName("the member's Discord locale is passed on, and a click in a DM keeps the coordinator status last seen in the guild")
  void hints() {
    // given a coordinator seen in the guild
    MemberFacts facts = new MemberFacts(null);
    MemberHints inGuild = facts.hints("g1", "u1", member(true), DiscordLocale.FRENCH);
    assertEquals(new MemberHints("fr", null, true), inGuild);
    // when they click in a DM, where Discord gives no member
    MemberHints inDm = facts.hints("g1", "u1", null, DiscordLocale.ENGLISH_US);
    // then they are still a coordinator, in their current locale
    assertEquals(new MemberHints("en-US", null, true), inDm);
    // and an unknown member in a DM is not
    assertFalse(facts.hints("g1", "u2", null, DiscordLocale.UNKNOWN).coordinator());
    assertNull(facts.hints("g1", "u2", null, DiscordLocale.UNKNOWN).locale());
  }
}
