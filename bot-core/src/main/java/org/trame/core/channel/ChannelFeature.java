package org.trame.core.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trame.core.engine.FlowAction;
import org.trame.core.storage.Settings;
import org.trame.core.turn.CollectiveChannel;
import org.trame.core.turn.Command;
import org.trame.core.turn.Feature;
import org.trame.core.turn.TurnContext;
import org.trame.core.i18n.Msg;

/**
 * {@code channel here} (French {@code canal ici}): a coordinator makes the channel they type it in
 * the collective's channel, where reports are posted; {@code channel} alone says which it is. The
 * choice is stored with the collective's settings, so it holds across restarts and processes.
 * The operator's configured channel ({@code TRAME_SLACK_CHANNEL}, {@code TRAME_DISCORD_CHANNEL})
 * comes first and no command changes it.
 */
public final class ChannelFeature implements Feature {

  public static final String COMMAND = "channel";

  @Override
  public java.util.List<ChannelMsg> messages() {
    return java.util.List.of(ChannelMsg.values());
  }

  @Override
  public Map<String, Command> commands() {
    return Map.of(COMMAND, Command.of(COMMAND, ChannelFeature::channel));
  }

  @Override
  public Map<String, FlowAction> actions() {
    return Map.of();
  }

  private static void channel(TurnContext t, List<String> args) throws Exception {
    if (args.isEmpty()) {
      show(t);
      return;
    }
    if (args.size() != 1 || !args.get(0).equalsIgnoreCase("here")) {
      t.say(ChannelMsg.CHANNEL_USAGE);
      return;
    }
    if (!t.coordinatorCommand("channel here", null)) {
      return;
    }
    if (t.home().configured(t.platform(), t.collective()).isPresent()) {
      t.say(ChannelMsg.CHANNEL_CONFIGURED);
      return;
    }
    if (t.typedIn() == null) {
      t.say(ChannelMsg.CHANNEL_HERE_ELSEWHERE);
      return;
    }
    Settings.put(t.connection(), t.collectiveId(), CollectiveChannel.SETTING, t.typedIn(), t.member().memberId(),
        t.now().toEpochMilli());
    t.say(ChannelMsg.CHANNEL_SET);
  }

  private static void show(TurnContext t) throws Exception {
    if (t.home().configured(t.platform(), t.collective()).isPresent()) {
      t.say(ChannelMsg.CHANNEL_CONFIGURED_SHOWN);
      return;
    }
    Optional<String> set = Settings.get(t.connection(), t.collectiveId(), CollectiveChannel.SETTING);
    if (set.isPresent()) {
      t.say(ChannelMsg.CHANNEL_SHOWN, "channel", "id " + set.get());
    } else {
      t.say(Msg.CHANNEL_NOT_SET);
    }
  }
}
