/**
 * The hostile-act register's library benchmarked on synthetic data: campaign suggestion over
 * 100,000 incidents ({@code CampaignSuggestBenchmark}), surge detection over 10 years × 200
 * crossing points ({@code SurgeDetectBenchmark}), and {@code RegisterProbe} for quick wall/CPU
 * figures without JMH.
 */
package dev.bulwark.bench.incidents;
