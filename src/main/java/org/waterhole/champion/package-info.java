/**
 * The champion directory, for the third tactic, Look for support: the colleagues who already
 * see the value of social media and carry the message in their departments, what they do, and
 * where nobody does yet. Staff volunteer; the strategist accepts or declines.
 * <p>
 * Publishes {@link org.waterhole.champion.ChampionJoined} and {@link org.waterhole.champion.ChampionLeft}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Champion directory")
package org.waterhole.champion;
