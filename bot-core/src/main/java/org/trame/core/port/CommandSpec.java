package org.trame.core.port;

import java.util.List;
import java.util.Optional;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.LocalText;

/**
 * One command or subcommand of the {@link CommandCatalogue}.
 *
 * @param word         the canonical English word, the one features and the audit log know
 * @param fr           its French word
 * @param aliases      more words accepted for it
 * @param coordinator  whether only coordinators may run it
 * @param args         its typed arguments (of the bare command, when it also has subcommands)
 * @param notDone      the message keys by which it says it did nothing (audited "not carried out")
 * @param subcommands  its subcommands, none for a leaf
 * @param bare         how a platform that needs a name for the bare command calls it (Discord's
 *                     {@code /trame conflict start}), or null when there is none
 * @param available    false for a planned command: answered "not available yet", offered nowhere
 * @param conversation a word every conversation understands (cancel, back...), handled there
 */
public record CommandSpec(String word, String fr, List<String> aliases, LocalText description, boolean coordinator,
    List<ArgSpec> args, List<String> notDone, List<CommandSpec> subcommands, CommandSpec bare, boolean available,
    boolean conversation) {

  public CommandSpec {
    aliases = List.copyOf(aliases);
    args = List.copyOf(args);
    notDone = List.copyOf(notDone);
    subcommands = List.copyOf(subcommands);
  }

  /** The word in {@code lang}. */
  public String word(Lang lang) {
    return lang == Lang.FR ? fr : word;
  }

  /** Whether {@code normalized} (lower case, no accents) names it, in any language. */
  public boolean answers(String normalized) {
    return word.equals(normalized) || CommandCatalogue.normalize(fr).equals(normalized) || aliases.contains(normalized);
  }

  /** The subcommand named {@code normalized} in any language. */
  public Optional<CommandSpec> subcommand(String normalized) {
    return subcommands.stream().filter(s -> s.answers(normalized)).findFirst();
  }

  /** Whether it is run as it is, with no subcommand word: a leaf, or a command with a bare form. */
  public boolean runsBare() {
    return subcommands.isEmpty() || bare != null;
  }
}
