package org.waterhole.casestudy;

/**
 * Named readings and helpful marks were folded into anonymous counts (the old ones, nightly, or
 * an erased person's). Every figure stays the same; a module that keeps reading figures may
 * forget them, to compute them again from the counts.
 *
 * @param readings how many named readings were folded
 * @param marks how many helpful marks were folded
 */
public record NamedReadingsFolded(int readings, int marks) {
}
