package dev.bulwark.bench.incidents;

import dev.bulwark.incidents.Incident;
import dev.bulwark.incidents.campaign.CampaignSuggester;
import dev.bulwark.incidents.campaign.Suggestion;
import dev.bulwark.incidents.campaign.SyntheticRegister;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to suggest campaigns among a synthetic register ({@link SyntheticRegister}, seed 42: five
 * years over the Baltic and Eastern flank). Goal: 100,000 incidents in under 2 s. Not thread-safe
 * (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CampaignSuggestBenchmark {

  @Param({"100000"})
  public int incidents;

  private List<Incident> register;

  @Setup
  public void setUp() {
    register = SyntheticRegister.incidents(incidents, 42);
  }

  @Benchmark
  public List<Suggestion> suggest() {
    return new CampaignSuggester().suggest(register);
  }
}
