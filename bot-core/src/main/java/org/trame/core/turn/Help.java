package org.trame.core.turn;

import java.util.ArrayList;
import java.util.List;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.i18n.Texts;
import org.trame.core.port.CommandCatalogue;
import org.trame.core.port.CommandSpec;

/**
 * The {@code help} answer, written from the command catalogue in the member's language: the
 * commands anyone may run, then for coordinators theirs, then the words every conversation
 * understands. A command added to the catalogue is in help without anyone writing its line.
 */
public final class Help {

  private Help() {}

  public static String of(CommandCatalogue catalogue, Texts texts, Lang lang, boolean coordinator) {
    List<String> members = new ArrayList<>();
    List<String> coordinators = new ArrayList<>();
    List<String> anytime = new ArrayList<>();
    catalogue.command("help").ifPresent(h -> anytime.add(h.word(lang)));
    for (CommandSpec c : catalogue.offered()) {
      if (c.conversation()) {
        anytime.add(c.word(lang));
        continue;
      }
      if (c.subcommands().isEmpty()) {
        (c.coordinator() ? coordinators : members).add(line(c, null, c, lang));
        continue;
      }
      if (c.bare() != null) {
        (c.bare().coordinator() ? coordinators : members).add(line(c, null, c.bare(), lang));
      }
      for (CommandSpec s : c.subcommands()) {
        (s.coordinator() ? coordinators : members).add(line(c, s, s, lang));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(texts.get(Msg.HELP_COMMANDS, lang));
    lines.addAll(members);
    if (coordinator) {
      lines.add(texts.get(Msg.HELP_COORDINATORS, lang));
      lines.addAll(coordinators);
    }
    lines.add(texts.get(Msg.HELP_ANYTIME, lang, "words", String.join(", ", anytime)));
    return String.join("\n", lines);
  }

  /** {@code • enjeux historique : revoir l'évolution de vos enjeux} (French puts a space before the colon). */
  private static String line(CommandSpec command, CommandSpec sub, CommandSpec described, Lang lang) {
    return "• " + CommandCatalogue.usage(command, sub, lang) + (lang == Lang.FR ? " : " : ": ") + described.description().in(lang);
  }
}
