package org.trame.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trame.core.checkin.CheckinFeature;
import org.trame.core.checkin.CheckinPersonalData;
import org.trame.core.engine.FlowAction;
import org.trame.core.engine.FlowContract;
import org.trame.core.engine.FlowEngine;
import org.trame.core.engine.PromptsLoader;
import org.trame.core.conflict.ConflictFeature;
import org.trame.core.conflict.ConflictPersonalData;
import org.trame.core.conflict.Triage;
import org.trame.core.conflict.triage.IMessageCoach;
import org.trame.core.conflict.triage.TriageModel;
import org.trame.core.personaldata.KernelPersonalData;
import org.trame.core.personaldata.PersonalDataContribution;
import org.trame.core.sheets.SheetsFeature;
import org.trame.core.stakes.StakesFeature;
import org.trame.core.stakes.StakesPersonalData;
import org.trame.core.turn.Command;
import org.trame.core.turn.Feature;
import org.trame.core.turn.ScheduledTask;
import org.trame.core.turn.TurnHandler;

/** The one place where features are registered: their commands and their flows' actions. */
public final class Features {

  private final StakesFeature stakes = new StakesFeature();
  private final ConflictFeature conflict = new ConflictFeature(Features::triage);
  private final SheetsFeature sheets = new SheetsFeature();
  private final CheckinFeature checkin = new CheckinFeature();
  private final org.trame.core.privacy.PrivacyFeature privacy = new org.trame.core.privacy.PrivacyFeature();
  private final org.trame.core.channel.ChannelFeature channel = new org.trame.core.channel.ChannelFeature();
  // Projects and the ethics grid (seed 004 sheet 8).
  private final org.trame.core.project.ProjectFeature project = new org.trame.core.project.ProjectFeature();
  // The cooperation diagnostic (seeds 000/001, seed 004 sheets 1 and 3).
  private final org.trame.core.diagnostic.DiagnosticFeature diagnostic = new org.trame.core.diagnostic.DiagnosticFeature();
  // The partner map (seed 004, tool sheet 1).
  private final org.trame.core.map.MapFeature map = new org.trame.core.map.MapFeature();
  private final List<Feature> all = List.of(stakes, sheets, checkin, conflict, privacy, channel, project, diagnostic, map);
  /**
   * What each feature stores about a member, in the order of the export's sections; erasure runs
   * them backwards, so that the kernel's member and conversations, which the others point at, go last.
   */
  private final List<PersonalDataContribution> personalData = List.of(KernelPersonalData.MEMBER, new StakesPersonalData(),
      new CheckinPersonalData(), KernelPersonalData.RECORDS, new ConflictPersonalData(),
      // Its invitees point at conversations, so erased before the kernel's records.
      new org.trame.core.diagnostic.DiagnosticPersonalData(),
      // Last, so erased first: its rows point at conversations.
      new org.trame.core.project.ProjectPersonalData(),
      // Its rows point at conversations too.
      new org.trame.core.map.MapPersonalData());

  public Features() {
    privacy.personalData(personalData);
  }

  /** Every command word, kernel ones (help, lang) included. */
  public Map<String, Command> commands() {
    Map<String, Command> commands = new HashMap<>(TurnHandler.kernelCommands());
    all.forEach(f -> commands.putAll(f.commands()));
    return commands;
  }

  /**
   * Checks that the catalogue and the code agree: every command it offers has a handler, every
   * handler is in it, and every "not carried out" answer it declares is a message.
   *
   * @throws org.trame.core.port.CatalogueException naming the command that disagrees
   */
  public static void check(org.trame.core.port.CommandCatalogue catalogue, Map<String, Command> commands) {
    String file = "prompts/" + org.trame.core.port.CommandCatalogue.FILE;
    java.util.Set<String> declared = new java.util.HashSet<>();
    java.util.Set<String> said = new java.util.HashSet<>();
    java.util.Arrays.stream(org.trame.core.i18n.Msg.values()).forEach(m -> said.add(m.key()));
    new Features().messageKeys().forEach(m -> said.add(m.key()));
    for (org.trame.core.port.CommandSpec c : catalogue.commands()) {
      if (c.conversation() || !c.available()) {
        continue; // answered by the conversation, or "not available yet"
      }
      declared.add(c.word());
      if (!commands.containsKey(c.word())) {
        throw new org.trame.core.port.CatalogueException(file + ": command '" + c.word() + "' has no handler in the code");
      }
      java.util.List<org.trame.core.port.CommandSpec> all = new java.util.ArrayList<>(c.subcommands());
      all.add(c);
      for (org.trame.core.port.CommandSpec s : all) {
        for (String key : s.notDone()) {
          if (!said.contains(key)) {
            throw new org.trame.core.port.CatalogueException(file + ": command '" + c.word() + " " + s.word()
                + "': not_done names no message '" + key + "'");
          }
        }
      }
    }
    for (String word : commands.keySet()) {
      if (!declared.contains(word)) {
        throw new org.trame.core.port.CatalogueException(file + ": the code handles '" + word + "', which the catalogue lacks");
      }
    }
  }

  /** Every named action a flow file may call. */
  public Map<String, FlowAction> actions() {
    Map<String, FlowAction> actions = new HashMap<>();
    all.forEach(f -> actions.putAll(f.actions()));
    return actions;
  }

  /** Every feature, for what each tells a member about their own data. */
  public List<Feature> all() {
    return all;
  }

  /** Every contribution to what the bot knows of a member: export, erasure and retention go through them. */
  public List<PersonalDataContribution> personalData() {
    return personalData;
  }

  /** Every feature's message keys, which the loader checks have their texts. */
  public List<org.trame.core.i18n.MessageKey> messageKeys() {
    List<org.trame.core.i18n.MessageKey> keys = new java.util.ArrayList<>();
    all.forEach(f -> keys.addAll(f.messages()));
    return keys;
  }

  /** Every scheduled task, by kind. */
  public Map<String, ScheduledTask> tasks() {
    Map<String, ScheduledTask> tasks = new HashMap<>();
    all.forEach(f -> tasks.putAll(f.tasks()));
    return tasks;
  }

  /** What every feature's code reads in its flows. */
  public List<FlowContract> contracts() {
    List<FlowContract> contracts = new ArrayList<>();
    all.forEach(f -> contracts.addAll(f.contracts()));
    return contracts;
  }

  /** The names flow files are validated against. */
  public static Set<String> actionNames() {
    return new Features().actions().keySet();
  }

  /** A loader that checks flow files against every feature's actions and contracts. */
  public static PromptsLoader promptsLoader() {
    Features features = new Features();
    return new PromptsLoader(features.actions().keySet(), features.contracts(), features.messageKeys());
  }

  /** Hands the engine to the features whose actions need it. */
  void engine(FlowEngine engine) {
    stakes.engine(engine);
    privacy.engine(engine);
    privacy.exits(conflict.exits());
    conflict.engine(engine);
    project.engine(engine);
    map.engine(engine);
    triage(); // starts training the triage model in the background now, not at the first conflict
  }

  /** Hands the key of check-in authors' tags to the features that write or find them (privacy, issue 9). */
  void pseudonyms(org.trame.core.privacy.Pseudonyms key) {
    checkin.pseudonyms(key);
    privacy.pseudonyms(key);
  }

  /** Tells every feature that a conversation ended (each looks only at its own flows). */
  void ended(org.trame.core.turn.TurnContext t, org.trame.core.engine.Conversation c) throws Exception {
    for (Feature f : all) {
      f.ended(t, c);
    }
  }

  /** One triage for the process, trained on first need in the background (it takes a moment). */
  private static Triage triage() {
    return TriageHolder.TRIAGE;
  }

  private static final class TriageHolder {
    static final Triage TRIAGE = Triage.of(TriageModel.packagedInBackground(), IMessageCoach.packagedInBackground());
  }
}
