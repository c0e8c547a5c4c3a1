package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.port.MemberHints;

class MemberFactsTest {

  private static final String ROLE = "1600000000000000008";
  private static final String GUILD = "1200000000000000002";
  private static final String USER = "1400000000000000004";

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final AtomicReference<CompletableFuture<Optional<Member>>> discord = new AtomicReference<>();
  private final AtomicInteger asked = new AtomicInteger();
  private final MemberFacts.Directory directory = (guild, user) -> {
    asked.incrementAndGet();
    return discord.get();
  };

  /** A member holding roles given as {@code id:name}. */
  private static Member member(boolean manageServer, String... roles) {
    Member m = mock(Member.class);
    when(m.hasPermission(Permission.MANAGE_SERVER)).thenReturn(manageServer);
    List<Role> held = new ArrayList<>();
    for (String role : roles) {
      String[] idName = role.split(":");
      Role r = mock(Role.class);
      when(r.getIdLong()).thenReturn(Long.parseLong(idName[0]));
      when(r.getId()).thenReturn(idName[0]);
      when(r.getName()).thenReturn(idName[1]);
      held.add(r);
    }
    when(m.getRoles()).thenReturn(held);
    return m;
  }

  private MemberFacts facts(String role) {
    return new MemberFacts(role, directory, now::get);
  }

  private void discordSays(Member m) {
    discord.set(CompletableFuture.completedFuture(Optional.ofNullable(m)));
  }

  @Test
  @DisplayName("by default, members with Manage Server are coordinators")
  void manageServer() {
    MemberFacts facts = facts(null);
    assertTrue(facts.coordinator(member(true)));
    assertFalse(facts.coordinator(member(false, "1600000000000000009:Coordination")));
  }

  @Test
  @DisplayName("with a configured role, only holders of that role id coordinate: another role bearing its name or id as a name does not count, nor Manage Server alone")
  void configuredRoleById() {
    // given the coordination role configured by its id
    MemberFacts facts = facts(ROLE);
    // then its holders coordinate
    assertTrue(facts.coordinator(member(false, "1600000000000000007:Members", ROLE + ":Coordination")));
    // and a member who made a role of their own named like it does not
    assertFalse(facts.coordinator(member(false, "1600000000000000009:" + ROLE)));
    assertFalse(facts.coordinator(member(false, "1600000000000000009:Coordination")));
    // nor does Manage Server alone
    assertFalse(facts.coordinator(member(true, "1600000000000000007:Members")));
  }

  @Test
  @DisplayName("the locale of the member's Discord client is passed on, and none when Discord does not know it")
  void hints() {
    assertEquals(new MemberHints("fr", null, true), MemberFacts.hints(DiscordLocale.FRENCH, true));
    assertNull(MemberFacts.hints(DiscordLocale.UNKNOWN, false).locale());
  }

  @Test
  @DisplayName("a member whose role is removed is no longer a coordinator once a minute has passed: Discord is asked again, not an old flag kept")
  void roleRemovedSeenAfterAMinute() throws Exception {
    // given a member seen holding the role in the guild (a command)
    MemberFacts facts = facts(ROLE);
    assertTrue(facts.seen(GUILD, USER, member(false, ROLE + ":Coordination")));
    // and their role then removed on Discord
    discordSays(member(false));
    // when asked within the minute, what Discord just said stands, without asking it again
    assertTrue(facts.current(GUILD, USER).get());
    assertEquals(0, asked.get());
    // when asked after the minute
    now.addAndGet(MemberFacts.FRESH.toMillis() + 1);
    // then Discord is asked, and the member no longer coordinates
    assertFalse(facts.current(GUILD, USER).get());
    assertEquals(1, asked.get());
  }

  @Test
  @DisplayName("a member who left the guild does not coordinate; when Discord cannot tell, the answer fails instead of guessing")
  void leftOrUnknown() {
    // given a member no longer in the guild
    MemberFacts facts = facts(null);
    discordSays(null);
    // then they do not coordinate
    assertFalse(facts.current(GUILD, USER).join());
    // given Discord failing for another member
    discord.set(CompletableFuture.failedFuture(new IllegalStateException("502 Bad Gateway")));
    // then no answer is made up
    ExecutionException failed = assertThrows(ExecutionException.class, () -> facts.current(GUILD, "1400000000000000009").get());
    assertTrue(failed.getCause() instanceof IllegalStateException);
  }
}
