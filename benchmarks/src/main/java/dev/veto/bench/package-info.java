/** JMH benchmarks: the engine's decision, the agent's added cost, and peers on the same decisions. */
package dev.veto.bench;
