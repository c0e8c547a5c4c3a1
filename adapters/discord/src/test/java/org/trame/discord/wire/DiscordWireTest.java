package org.trame.discord.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trame.discord.wire.Payloads.APP_ID;
import static org.trame.discord.wire.Payloads.DM_CHANNEL_ID;
import static org.trame.discord.wire.Payloads.GUILD_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.Trame;
import org.trame.discord.DiscordAdapter;
import org.trame.discord.DiscordMessenger;
import org.trame.discord.DiscordSettings;

/**
 * Real JDA and the real core (on a temporary SQLite file) against a fake Discord on loopback: what
 * Discord would receive — interaction callbacks, DMs, webhook edits and follow-ups — checked body by
 * body through a whole stakes questionnaire.
 */
@Timeout(120)
class DiscordWireTest {

  private static final Duration WAIT = LoopbackDiscord.WAIT;

  @TempDir
  Path dir;
  LoopbackDiscord wire;
  FakeDiscord discord;
  Trame trame;
  DiscordMessenger messenger;
  int tokens;
  int dmsSeen;

  @BeforeEach
  void start() throws Exception {
    wire = new LoopbackDiscord(dir);
    discord = wire.discord;
    trame = wire.trame;
    messenger = wire.messenger;
  }

  @AfterEach
  void stop() throws Exception {
    if (wire != null) {
      wire.close();
    }
  }

  @Test
  @DisplayName("JDA logs in through the configured REST URL and gateway, without compression or privileged intents, and registers /trame")
  void connectsAndRegisters() throws Exception {
    // given the adapter started against the fake (in setUp)
    // then the token was checked, the gateway asked for, and the gateway joined in plain JSON
    assertTrue(discord.count(c -> c.path().equals("/api/v10/gateway/bot")) >= 1);
    assertEquals(List.of("encoding=json&v=10"), discord.gateway().queries());
    JsonNode identify = discord.gateway().received().stream().filter(p -> p.path("op").asInt() == 2).findFirst().orElseThrow();
    assertEquals("fake-token", identify.path("d").path("token").asText());
    assertEquals(1, identify.path("d").path("intents").asInt(), "only GUILDS: no privileged intent");
    assertFalse(identify.path("d").path("compress").asBoolean(false));
    assertEquals(List.of(0, 1), ints(identify.path("d").path("shard")), "shard 0 of the 1 Discord recommended");
    // and /trame was registered with its subcommands and typed options
    JsonNode commands = discord.await(c -> c.path().endsWith("/commands"), 1, WAIT).body();
    JsonNode trameCommand = commands.get(0);
    assertEquals("trame", trameCommand.path("name").asText());
    assertEquals(List.of(0), ints(trameCommand.path("contexts")), "guild only");
    JsonNode conflict = option(trameCommand, "conflict");
    assertEquals(2, conflict.path("type").asInt(), "conflict is a subcommand group");
    JsonNode start = option(conflict, "start");
    assertEquals(6, option(start, "party1").path("type").asInt(), "parties are USER options");
    assertEquals(6, option(start, "party8").path("type").asInt(), "up to eight parties");
    assertEquals(1, option(option(trameCommand, "channel"), "here").path("type").asInt(), "/trame channel here is a subcommand");
    assertTrue(option(option(trameCommand, "tz"), "zone").path("autocomplete").asBoolean());
    assertEquals(4, option(option(trameCommand, "sheet"), "number").path("type").asInt(), "sheet number is an INTEGER");
    assertEquals(List.of(), discord.unknown());
  }

  @Test
  @DisplayName("TRAME_DISCORD_SHARDS=1/2 runs shard 1 of 2 in this process, identified as such to the gateway")
  void shardRange() throws Exception {
    // given a second process-like adapter configured for shard 1 of 2
    Map<String, String> env = new HashMap<>(discord.environment());
    env.put("TRAME_DISCORD_SHARDS", "1/2");
    try (DiscordAdapter second = DiscordAdapter.start(DiscordSettings.fromEnvironment(env).orElseThrow(), trame,
        new DiscordMessenger())) {
      // when it connects
      long deadline = System.nanoTime() + WAIT.toNanos();
      JsonNode identify = null;
      while (identify == null && System.nanoTime() < deadline) {
        identify = discord.gateway().received().stream()
            .filter(p -> p.path("op").asInt() == 2 && p.path("d").path("shard").get(0).asInt() == 1)
            .findFirst().orElse(null);
        Thread.sleep(20);
      }
      // then it identified as shard 1 of 2
      assertTrue(identify != null, "shard 1 identified");
      assertEquals(List.of(1, 2), ints(identify.path("d").path("shard")));
      assertEquals(List.of(1), second.shards().getShards().stream().map(j -> j.getShardInfo().getShardId()).toList());
    }
  }

  @Test
  @DisplayName("a whole stakes questionnaire: command, DMs, buttons, forms, select menu, skip, stale click and replay")
  void wholeStakesFlow() throws Exception {
    // when the member runs /trame stakes in the guild channel
    ObjectNode command = Payloads.slashCommandWithUsers("stakes", "start", token(), Map.of(), Map.of(), false);
    dispatch(command);
    // then the command is acknowledged at once with a deferred ephemeral reply
    assertEquals(Payloads.JSON.readTree("{\"type\":5,\"data\":{\"flags\":64}}"), callback(command).body());
    // and the introduction and the first question come in the member's DMs, in French (their locale)
    assertTrue(nextDm().path("content").asText().startsWith("Parlons de vos enjeux personnels"));
    JsonNode why = nextDm();
    assertTrue(why.path("content").asText().startsWith("Qu'est-ce qui vous a amené·e dans ce collectif"), why.toString());
    assertEquals(List.of("Répondre"), labels(why));
    assertEquals("[]", why.path("allowed_mentions").path("parse").toString(), "no mention can ping");
    // and the command's ephemeral reply points to the DM
    assertTrue(original(command, 1).body().path("content").asText().startsWith("📩 https://discord.com/channels/@me/" + DM_CHANNEL_ID + "/"));

    // when the member clicks "Répondre": a form opens, titled in their language
    String answerId = customIds(why).get(0);
    assertTrue(answerId.startsWith("trame|a|" + GUILD_ID + "|"), answerId);
    ObjectNode click = Payloads.buttonClick(sent(why), answerId, token());
    dispatch(click);
    JsonNode modal = callback(click).body();
    assertEquals(9, modal.path("type").asInt(), "a MODAL response");
    assertEquals("Votre réponse", modal.path("data").path("title").asText());
    JsonNode input = modal.path("data").path("components").get(0);
    assertEquals(18, input.path("type").asInt(), "a label");
    assertEquals(4, input.path("component").path("type").asInt(), "wrapping a text input");
    String formId = modal.path("data").path("custom_id").asText();

    // when they submit the form
    String typed = "Pour peser davantage dans le plaidoyer régional.";
    ObjectNode submit = Payloads.modalSubmit(sent(why), formId, "answer", typed, token());
    dispatch(submit);
    // then the question is acknowledged as an update, and edited to show the answer with its button disabled
    assertEquals(6, callback(submit).body().path("type").asInt(), "DEFERRED_UPDATE_MESSAGE");
    JsonNode closed = original(submit, 1).body();
    assertTrue(closed.path("content").asText().endsWith("> Votre réponse : " + typed), closed.toString());
    assertTrue(allDisabled(closed), closed.toString());

    // then the sharing question comes as three buttons
    JsonNode share = nextDm();
    assertEquals(3, labels(share).size(), share.toString());
    ObjectNode collective = clickValue(share, "collective");
    JsonNode sharedEdit = original(collective, 1).body();
    assertTrue(sharedEdit.path("content").asText().contains("> Votre réponse : "), sharedEdit.toString());

    // when the same interaction is delivered again, nothing more happens
    dispatch(collective);
    discord.await(c -> c.path().contains("/interactions/" + collective.path("id").asText() + "/"), 2, WAIT);
    JsonNode brings = nextDm();
    assertTrue(brings.path("content").asText().startsWith("Concrètement"), brings.toString());
    Thread.sleep(500);
    assertEquals(dmsSeen, dmCount(), "the replayed click sent nothing");
    assertEquals(1, discord.count(isOriginalOf(collective)));

    // when the member clicks a button of an earlier question
    ObjectNode stale = Payloads.buttonClick(sent(share), customIdOf(share, "private"), token());
    dispatch(stale);
    // then the refusal is ephemeral where they clicked, and the current question is asked again
    JsonNode refusal = followUp(stale, 1).body();
    assertEquals(64, refusal.path("flags").asInt());
    assertTrue(refusal.path("content").asText().startsWith("Ce bouton appartient à une question précédente"), refusal.toString());
    JsonNode bringsAgain = nextDm();
    assertEquals(brings.path("content"), bringsAgain.path("content"));

    answerByForm(bringsAgain, "Visibilité et savoir-faire partagé.");
    clickValue(nextDm(), "coordinators");
    // fear is optional: /trame skip
    assertTrue(nextDm().path("content").asText().startsWith("Qu'avez-vous peur de perdre"));
    ObjectNode skip = Payloads.slashCommand("skip", token());
    dispatch(skip);
    nextDm(); // "skipped"
    JsonNode redLines = nextDm();
    assertTrue(redLines.path("content").asText().startsWith("Quelles sont vos lignes rouges"), redLines.toString());
    answerByForm(redLines, "Pas de financement de l'armement");
    clickValue(nextDm(), "private");

    // the contributions are a multi-choice select menu
    JsonNode contributions = nextDm();
    JsonNode menu = contributions.path("components").get(0).path("components").get(0);
    assertEquals(3, menu.path("type").asInt(), "a string select");
    assertEquals(1, menu.path("min_values").asInt());
    assertEquals(4, menu.path("max_values").asInt());
    ObjectNode pick = Payloads.selectMenu(sent(contributions), menu.path("custom_id").asText(), token(), "time", "skills");
    dispatch(pick);
    assertTrue(original(pick, 1).body().path("content").asText().endsWith("> Votre réponse : Du temps, Des compétences"));
    clickValue(nextDm(), "private");
    clickValue(nextDm(), "h2_8"); // time per month
    clickValue(nextDm(), "private");
    JsonNode skills = nextDm();
    assertTrue(skills.path("content").asText().startsWith("Quelles compétences"), skills.toString());
    answerByForm(skills, "Animation, évaluation");
    clickValue(nextDm(), "private");
    assertTrue(nextDm().path("content").asText().startsWith("Et qu'attendez-vous"));
    dispatch(Payloads.slashCommand("skip", token()));
    nextDm(); // "skipped"
    JsonNode purpose = nextDm();
    assertEquals(List.of("1", "2", "3", "4", "5"), labels(purpose), "a scale as buttons");
    clickValue(purpose, "4");
    clickValue(nextDm(), "private");

    // then the recap, and a confirmation with yes/no buttons
    assertTrue(nextDm().path("content").asText().startsWith("Voici ce que vous avez dit"));
    JsonNode confirm = nextUntil(m -> m.path("content").asText().startsWith("Enregistrer ces réponses"));
    clickValue(confirm, "yes");
    assertTrue(nextDm().path("content").asText().startsWith("C'est enregistré"));
    assertEquals(List.of(), discord.unknown());
  }

  @Test
  @DisplayName("with DMs closed, the questions come ephemerally where the member typed the command")
  void dmsClosed() throws Exception {
    // given a member who does not accept DMs
    discord.closeDms();
    // when they run /trame stakes
    ObjectNode command = Payloads.slashCommandWithUsers("stakes", "start", token(), Map.of(), Map.of(), false);
    dispatch(command);
    // then a word on opening DMs replaces the deferred reply, and the introduction and the
    // question follow, ephemeral, the question with its button
    JsonNode hint = original(command, 1).body();
    assertTrue(hint.path("content").asText().startsWith("Je ne peux pas vous écrire en message privé"), hint.toString());
    JsonNode intro = followUp(command, 1).body();
    assertTrue(intro.path("content").asText().contains("Parlons de vos enjeux personnels"), intro.toString());
    JsonNode question = followUp(command, 2).body();
    assertEquals(64, question.path("flags").asInt());
    assertTrue(question.path("content").asText().startsWith("Qu'est-ce qui vous a amené·e"), question.toString());
    assertEquals(List.of("Répondre"), labels(question));

    // when they answer through the form opened from that ephemeral message
    JsonNode shown = Payloads.message(Payloads.CHANNEL_ID, question, true);
    ObjectNode click = Payloads.buttonClick(shown, customIds(question).get(0), token(), true);
    dispatch(click);
    String formId = callback(click).body().path("data").path("custom_id").asText();
    ObjectNode submit = Payloads.modalSubmit(shown, formId, "answer", "Pour apprendre des autres.", token(), true);
    dispatch(submit);
    // then the ephemeral question shows the answer, and the next question follows ephemerally too
    assertTrue(original(submit, 1).body().path("content").asText().endsWith("> Votre réponse : Pour apprendre des autres."));
    // (each interaction with DMs closed first says how to open them)
    JsonNode share = followUp(submit, 2).body();
    assertEquals(64, share.path("flags").asInt());
    assertEquals(3, labels(share).size(), share.toString());
  }

  @Test
  @DisplayName("a coordinator's stakes round: the invitation in DMs, the synthesis in the collective's channel at closing")
  void stakesRound() throws Exception {
    // given a member holding the configured coordination role
    // when they open a stakes round
    ObjectNode open = Payloads.slashCommandWithUsers("stakes", "round", token(), Map.of(), Map.of(), true);
    dispatch(open);
    // then, invited like every known member, they get the invitation and the questionnaire in their DMs
    assertTrue(nextDm().path("content").asText().startsWith("Votre collectif fait le point"));
    nextUntil(m -> m.path("content").asText().startsWith("Qu'est-ce qui vous a amené·e"));
    nextUntil(m -> m.path("content").asText().startsWith("Tour d'enjeux ouvert : 1 membre"));
    // when they close it
    ObjectNode close = Payloads.slashCommandWithUsers("stakes", "round", token(), Map.of(), Map.of("close", "true"), true);
    dispatch(close);
    // then the synthesis is posted in the configured channel, mentioning no one
    JsonNode synthesis = discord.await(c -> c.method().equals("POST")
        && c.path().equals("/api/v10/channels/" + Payloads.CHANNEL_ID + "/messages"), 1, WAIT).body();
    assertTrue(synthesis.path("content").asText().startsWith("Synthèse du tour d'enjeux"), synthesis.toString());
    assertEquals("[]", synthesis.path("allowed_mentions").path("parse").toString());
    assertTrue(synthesis.path("nonce").asText().startsWith("t"), "a nonce lets Discord drop a retried copy");
    // and the closing is confirmed to the coordinator in their DMs
    nextUntil(m -> m.path("content").asText().startsWith("Tour d'enjeux clos"));
  }

  @Test
  @DisplayName("a member without the coordination role cannot open a round; the core's refusal reaches their DMs")
  void roundRefused() throws Exception {
    // given a member without the configured role
    // when they try to open a round
    dispatch(Payloads.slashCommandWithUsers("stakes", "round", token(), Map.of(), Map.of(), false));
    // then the core refuses, and no invitation is sent
    assertTrue(nextDm().path("content").asText().startsWith("Seule la coordination peut lancer"));
    assertEquals(0, discord.count(c -> c.path().endsWith("/channels/" + Payloads.CHANNEL_ID + "/messages")));
  }

  @Test
  @DisplayName("a report with its PNG chart is posted to the collective's channel as an attachment")
  void chartUpload() throws Exception {
    // given a 2×2 PNG and a report for the collective's channel
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
    org.trame.core.port.OutboundMessage report = new org.trame.core.port.OutboundMessage(9000, "discord", GUILD_ID,
        org.trame.core.port.Audience.channel(Payloads.CHANNEL_ID), "Bilan du point d'étape", null, List.of(), null, null, "fr",
        org.trame.core.port.Attachment.png("checkin.png", png.toByteArray()));
    // when the core's message carrying the picture is sent
    messenger.send(report);
    // then the channel receives one multipart message: the text, and the file as its attachment
    FakeDiscord.Call post = discord.await(c -> c.path().equals("/api/v10/channels/" + Payloads.CHANNEL_ID + "/messages"), 1, WAIT);
    assertEquals("Bilan du point d'étape", post.body().path("content").asText());
    assertEquals(List.of("checkin.png:" + png.size()), post.files());
    assertEquals("checkin.png", post.body().path("attachments").get(0).path("filename").asText());
  }

  @Test
  @DisplayName("a channel post Discord refuses for lack of permission is undeliverable, with Discord's code, and the next one goes out")
  void refusedPostGivenUp() throws Exception {
    // given a channel where the bot lost the right to post, once
    discord.refuseChannelPosts(1);
    org.trame.core.port.OutboundMessage post = new org.trame.core.port.OutboundMessage(9100, "discord", GUILD_ID,
        org.trame.core.port.Audience.channel(Payloads.CHANNEL_ID), "Premier message", null, List.of(), null, null, "fr");
    // when two messages are sent
    var refused = org.junit.jupiter.api.Assertions.assertThrows(org.trame.core.port.UndeliverableException.class,
        () -> messenger.send(post));
    messenger.send(new org.trame.core.port.OutboundMessage(9101, "discord", GUILD_ID,
        org.trame.core.port.Audience.channel(Payloads.CHANNEL_ID), "Second message", null, List.of(), null, null, "fr"));
    // then the refused one told the outbox it can never go, with Discord's code, and the second was posted
    assertTrue(refused.reason().startsWith("50013"), refused.reason());
    Predicate<FakeDiscord.Call> channelPost = c -> c.path().equals("/api/v10/channels/" + Payloads.CHANNEL_ID + "/messages");
    assertEquals("Second message", discord.await(channelPost, 2, WAIT).body().path("content").asText());
  }

  @Test
  @DisplayName("a DM Discord refuses with code 50007, outside any interaction, reaches the outbox as undeliverable, with Discord's code")
  void refusedDmGivenUpByTheOutbox() throws Exception {
    // given a member who does not accept DMs
    discord.closeDms();
    // when the core has two messages for them, outside any interaction
    var first = new org.trame.core.port.OutboundMessage(9200, "discord", GUILD_ID,
        org.trame.core.port.Audience.member(Payloads.MEMBER_ID), "Rappel", null, List.of(), null, null, "fr");
    var refused = org.junit.jupiter.api.Assertions.assertThrows(org.trame.core.port.UndeliverableException.class,
        () -> messenger.send(first));
    // then Discord's refusal is translated as undeliverable, with its code
    assertTrue(refused.reason().startsWith("50007"), refused.reason());
  }

  // --- helpers ---------------------------------------------------------------------------------

  private String token() {
    return "token-" + (++tokens);
  }

  private void dispatch(ObjectNode interaction) {
    discord.gateway().dispatch("INTERACTION_CREATE", interaction);
  }

  private FakeDiscord.Call callback(ObjectNode interaction) throws InterruptedException {
    String prefix = "/api/v10/interactions/" + interaction.path("id").asText() + "/" + interaction.path("token").asText();
    return discord.await(c -> c.method().equals("POST") && c.path().equals(prefix + "/callback"), 1, WAIT);
  }

  private static Predicate<FakeDiscord.Call> isOriginalOf(ObjectNode interaction) {
    String path = "/api/v10/webhooks/" + APP_ID + "/" + interaction.path("token").asText() + "/messages/@original";
    return c -> c.method().equals("PATCH") && c.path().equals(path);
  }

  private FakeDiscord.Call original(ObjectNode interaction, int n) throws InterruptedException {
    return discord.await(isOriginalOf(interaction), n, WAIT);
  }

  private FakeDiscord.Call followUp(ObjectNode interaction, int n) throws InterruptedException {
    String path = "/api/v10/webhooks/" + APP_ID + "/" + interaction.path("token").asText();
    return discord.await(c -> c.method().equals("POST") && c.path().equals(path), n, WAIT);
  }

  private static boolean isDm(FakeDiscord.Call c) {
    return c.method().equals("POST") && c.path().equals("/api/v10/channels/" + DM_CHANNEL_ID + "/messages");
  }

  private long dmCount() {
    return discord.count(DiscordWireTest::isDm);
  }

  /** The body of the next message posted in the member's DMs. */
  private JsonNode nextDm() throws InterruptedException {
    return discord.await(DiscordWireTest::isDm, ++dmsSeen, WAIT).body();
  }

  private JsonNode nextUntil(Predicate<JsonNode> wanted) throws InterruptedException {
    for (int i = 0; i < 20; i++) {
      JsonNode m = nextDm();
      if (wanted.test(m)) {
        return m;
      }
    }
    throw new AssertionError("no such DM");
  }

  /** The message as Discord would hold it once created (what an interaction carries back). */
  private static JsonNode sent(JsonNode posted) {
    return Payloads.message(DM_CHANNEL_ID, posted, false);
  }

  private ObjectNode clickValue(JsonNode question, String value) throws InterruptedException {
    ObjectNode click = Payloads.buttonClick(sent(question), customIdOf(question, value), token());
    dispatch(click);
    assertEquals(6, callback(click).body().path("type").asInt());
    assertTrue(allDisabled(original(click, 1).body()));
    return click;
  }

  private void answerByForm(JsonNode question, String typed) throws InterruptedException {
    ObjectNode click = Payloads.buttonClick(sent(question), customIds(question).get(0), token());
    dispatch(click);
    String formId = callback(click).body().path("data").path("custom_id").asText();
    ObjectNode submit = Payloads.modalSubmit(sent(question), formId, "answer", typed, token());
    dispatch(submit);
    assertTrue(original(submit, 1).body().path("content").asText().endsWith(typed));
  }

  private static List<JsonNode> components(JsonNode message) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode row : message.path("components")) {
      row.path("components").forEach(all::add);
    }
    return all;
  }

  private static List<String> labels(JsonNode message) {
    return components(message).stream().map(c -> c.path("label").asText()).toList();
  }

  private static List<String> customIds(JsonNode message) {
    return components(message).stream().map(c -> c.path("custom_id").asText()).toList();
  }

  private static String customIdOf(JsonNode message, String value) {
    return customIds(message).stream().filter(id -> id.endsWith("|" + value)).findFirst()
        .orElseThrow(() -> new AssertionError("no component for '" + value + "' in " + message));
  }

  private static boolean allDisabled(JsonNode edited) {
    List<JsonNode> all = components(edited);
    return !all.isEmpty() && all.stream().allMatch(c -> c.path("disabled").asBoolean());
  }

  private static JsonNode option(JsonNode parent, String name) {
    for (JsonNode o : parent.path("options")) {
      if (o.path("name").asText().equals(name)) {
        return o;
      }
    }
    throw new AssertionError("no option " + name + " in " + parent);
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asInt()));
    return out;
  }
}
