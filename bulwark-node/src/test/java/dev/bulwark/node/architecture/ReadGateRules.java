package dev.bulwark.node.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import java.util.Set;

/**
 * The rules of the node's one read gate (issue 14, "one gate, no way around it"), checked by the
 * build in {@link ReadGateTest}: every read that may reach a response goes through a {@link
 * ReadFilter} made by the {@code AccessPolicy}.
 *
 * <ul>
 *   <li>{@link ReadFilter#SYSTEM} (which permits everything) is referenced only by the store
 *       package itself ({@code dev.bulwark.node.store}: ReadFilter, ObjectStore) and the
 *       maintenance classes listed in {@link #SYSTEM_READERS}, which never serve a response.
 *   <li>No class outside {@code dev.bulwark.node.security} implements ReadFilter, except the
 *       documented wrappers in {@link #FILTER_WRAPPERS} (they narrow the policy's filter, never
 *       widen it).
 *   <li>The unfiltered reads {@code ObjectStore.headersOf} and {@code withSeveralVersions} are used
 *       only by the write paths ({@code ObjectWrites}, and {@code PeerIntake} for what a pull
 *       brings) and version selection ({@code ObjectReads}).
 * </ul>
 *
 * <p>Lambdas are not classes to ArchUnit: a filter written as a lambda is only caught where it uses
 * SYSTEM or the unfiltered reads. Stateless.
 */
final class ReadGateRules {
  private ReadGateRules() {}

  /**
   * Classes outside the store package that may read with the system filter: none. (The maritime
   * {@code IncidentLedger} once loaded its collection with it; it now reads only the node's own
   * objects and decides every alert per reader.)
   */
  static final Set<String> SYSTEM_READERS = Set.of();

  /** Classes outside the security package that implement ReadFilter, each a documented wrapper. */
  static final Set<String> FILTER_WRAPPERS =
      Set.of(
          // remembers the policy's decisions for one request and notes the denials for the audit
          // log
          "dev.bulwark.node.taxii.server.AuditingFilter");

  /** Classes that may use the unfiltered header reads of the store. */
  static final Set<String> HEADER_READERS =
      Set.of(
          "dev.bulwark.node.store.ObjectStore",
          // the write path: which versions exist, whoever may read them, to refuse a conflicting
          // write
          "dev.bulwark.node.taxii.server.ObjectWrites",
          // the pull's write path: the same checks on what a peer hands over, answered to nobody
          "dev.bulwark.node.federation.PeerIntake",
          // a MISP peer's write path: a new event version never widens what is held
          "dev.bulwark.node.misp.MispPeerIntake",
          // version selection: first/last among the versions the caller may see (filtered there by
          // the policy)
          "dev.bulwark.node.taxii.server.ObjectReads");

  static final ArchRule SYSTEM_FILTER_NEVER_FEEDS_A_RESPONSE =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.bulwark.node.store")
          .and(notNamed(SYSTEM_READERS))
          .should()
          .accessField(ReadFilter.class, "SYSTEM")
          .because(
              "a system read can never reach a response (issue 14): read through AccessPolicy.readFilter");

  static final ArchRule ONLY_THE_POLICY_MAKES_READ_FILTERS =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.bulwark.node.security")
          .and(notNamed(FILTER_WRAPPERS))
          .and()
          .doNotHaveFullyQualifiedName(ReadFilter.class.getName())
          .should()
          .implement(ReadFilter.class)
          .because("the AccessPolicy makes every ReadFilter; wrappers are listed and documented");

  static final ArchRule UNFILTERED_HEADERS_ONLY_FOR_WRITES_AND_VERSION_SELECTION =
      noClasses()
          .that(notNamed(HEADER_READERS))
          .should()
          .callMethodWhere(
              new DescribedPredicate<>("ObjectStore.headersOf or withSeveralVersions") {
                @Override
                public boolean test(JavaMethodCall call) {
                  return call.getTargetOwner().isEquivalentTo(ObjectStore.class)
                      && Set.of("headersOf", "withSeveralVersions").contains(call.getName());
                }
              })
          .because("headersOf and withSeveralVersions read every version unfiltered");

  private static DescribedPredicate<JavaClass> notNamed(Set<String> names) {
    return DescribedPredicate.describe("not one of " + names, c -> !names.contains(c.getName()));
  }
}
