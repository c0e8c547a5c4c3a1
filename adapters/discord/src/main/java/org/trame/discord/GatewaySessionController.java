package org.trame.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * Connects every shard to a chosen gateway ({@code TRAME_DISCORD_GATEWAY_URL}) instead of the one
 * Discord advertises, keeping Discord's recommended shard count and identify concurrency.
 */
final class GatewaySessionController extends ConcurrentSessionController {

  private final String gateway;

  GatewaySessionController(String gateway) {
    this.gateway = gateway;
  }

  @Override
  public String getGateway() {
    return gateway;
  }

  @Override
  public ShardedGateway getShardedGateway(JDA api) {
    ShardedGateway advertised = super.getShardedGateway(api);
    return new ShardedGateway(gateway, advertised.getShardTotal(), advertised.getConcurrency());
  }
}
