/** Fleets of PaperDigest clients on Hazelcast: see {@link HazelcastFleet}. */
@NullMarked
package io.github.paperdigest.hazelcast;

import org.jspecify.annotations.NullMarked;
