package org.trame.core.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trame.core.i18n.Lang;

/**
 * The {@code /trame} commands as data ({@code prompts/commands.yaml}): their words in French and
 * English, subcommands, typed arguments, who may run them and what they do. Routing, help, Discord's
 * command tree and Slack's usage hint are derived from it, so that they cannot drift apart.
 *
 * <p>It is the packaged file, whatever {@code TRAME_PROMPTS} says: its canonical words are what the
 * features' code answers to, so a collective's copy of the prompts cannot change them.
 */
public final class CommandCatalogue {

  /** The catalogue's file in the prompts folder. */
  public static final String FILE = "commands.yaml";

  private final List<CommandSpec> commands;

  CommandCatalogue(List<CommandSpec> commands) {
    this.commands = List.copyOf(commands);
  }

  /** The catalogue packaged with the bot, read and checked once. */
  public static CommandCatalogue packaged() {
    return Packaged.CATALOGUE;
  }

  private static final class Packaged {
    static final CommandCatalogue CATALOGUE = load();

    private static CommandCatalogue load() {
      String shown = "prompts/" + FILE;
      try (InputStream in = CommandCatalogue.class.getClassLoader().getResourceAsStream(shown)) {
        if (in == null) {
          throw new CatalogueException(shown + ": missing from the class path");
        }
        return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), shown);
      } catch (IOException e) {
        throw new CatalogueException(shown + ": cannot read: " + e.getMessage());
      }
    }
  }

  /** Reads and checks a catalogue; a problem is a {@link CatalogueException} naming {@code shownAs} and the command. */
  public static CommandCatalogue read(String yaml, String shownAs) {
    return new CommandCatalogue(CatalogueReader.read(yaml, shownAs));
  }

  /** Every command, in the catalogue's order. */
  public List<CommandSpec> commands() {
    return commands;
  }

  /** The commands a platform offers: available ones. */
  public List<CommandSpec> offered() {
    return commands.stream().filter(CommandSpec::available).toList();
  }

  /** The command named {@code word} in any language (case and accents ignored). */
  public Optional<CommandSpec> command(String word) {
    String n = normalize(word);
    return commands.stream().filter(c -> c.answers(n)).findFirst();
  }

  /**
   * The command or subcommand named by canonical words, e.g. {@code stakes round}; a bare
   * command's path is its own word.
   */
  public Optional<CommandSpec> find(String path) {
    String[] words = path.strip().split("\\s+");
    Optional<CommandSpec> command = command(words[0]).filter(c -> c.word().equals(words[0]));
    if (words.length == 1 || command.isEmpty()) {
      return command;
    }
    return command.get().subcommands().stream().filter(s -> s.word().equals(words[1])).findFirst();
  }

  /**
   * The canonical words of what a member typed: the command's and its subcommand's French words
   * or aliases become the English ones, and the bare form's name ({@code conflict start}) is
   * dropped; the arguments are left as typed.
   */
  public List<String> canonical(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens);
    if (out.isEmpty()) {
      return out;
    }
    Optional<CommandSpec> command = command(out.get(0));
    if (command.isEmpty()) {
      return out;
    }
    out.set(0, command.get().word());
    if (out.size() > 1) {
      String n = normalize(out.get(1));
      Optional<CommandSpec> sub = command.get().subcommand(n);
      if (sub.isPresent()) {
        out.set(1, sub.get().word());
        flags(sub.get(), out.subList(2, out.size()));
      } else if (command.get().bare() != null && command.get().bare().answers(n)) {
        out.remove(1);
      }
    }
    return out;
  }

  /** A flag typed in French ({@code clore}) becomes its canonical word ({@code close}). */
  private static void flags(CommandSpec leaf, List<String> args) {
    for (ArgSpec a : leaf.args()) {
      if (a.type() == ArgSpec.Type.FLAG) {
        args.replaceAll(w -> normalize(w).equals(normalize(a.fr())) ? a.name() : w);
      }
    }
  }

  /** How help writes a command or subcommand with its arguments, in {@code lang}: {@code enjeux tour [clore] [1-60] …}. */
  public static String usage(CommandSpec command, CommandSpec sub, Lang lang) {
    StringBuilder sb = new StringBuilder(command.word(lang));
    CommandSpec leaf = sub == null ? command : sub;
    if (sub != null) {
      sb.append(' ').append(sub.word(lang));
    }
    for (ArgSpec a : leaf.args()) {
      sb.append(' ').append(a.shown(lang));
    }
    return sb.toString();
  }

  /**
   * Slack's usage hint for {@code /trame}: the words members start with. Slack shows it under the
   * command as it is typed; the manifest holds it, and a test keeps the two equal.
   */
  public String slackUsageHint() {
    List<String> words = new ArrayList<>();
    for (CommandSpec c : offered()) {
      if (!c.conversation() || c.word().equals("help") || c.word().equals("cancel")) {
        words.add(c.word());
      }
    }
    return String.join(" | ", words);
  }

  /**
   * Whether words typed without {@code /trame} read as a command: its word alone, or followed by one
   * of its subcommands or by a first argument of the declared type. A sentence that merely starts
   * with a command's word ("Point rapide sur le budget", "Retrait de la subvention") does not.
   */
  public boolean reads(List<String> words) {
    if (words.isEmpty()) {
      return false;
    }
    Optional<CommandSpec> command = command(words.get(0)).filter(c -> !c.conversation());
    if (command.isEmpty() || words.size() == 1) {
      return command.isPresent();
    }
    CommandSpec c = command.get();
    String next = words.get(1);
    if (c.subcommand(normalize(next)).isPresent()) {
      return true;
    }
    return c.runsBare() && !c.args().isEmpty() && fits(c.args().get(0), next);
  }

  /** Whether {@code word} may be the first value of {@code arg}. */
  private static boolean fits(ArgSpec arg, String word) {
    return switch (arg.type()) {
      case NUMBER -> word.matches("\\d{1,6}");
      case DATE -> word.matches("\\d{4}-\\d{2}-\\d{2}");
      case MEMBER -> word.startsWith("@") || word.startsWith("<@") || word.indexOf(Mentions.OPEN) == 0;
      case CHOICE -> arg.values().stream().anyMatch(v -> v.value().equalsIgnoreCase(word));
      case ZONE -> word.contains("/") || word.equalsIgnoreCase("UTC");
      case CRON -> word.matches("[\\d*/,-]+");
      case FLAG -> normalize(word).equals(arg.name()) || normalize(word).equals(normalize(arg.fr()));
      case TEXT -> false; // a free text is anything: only with /trame is a sentence a command
    };
  }

  /** Lower case, trimmed, accents removed: how typed words are compared. */
  public static String normalize(String word) {
    String n = Normalizer.normalize(word.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return n.toLowerCase(Locale.ROOT);
  }
}
