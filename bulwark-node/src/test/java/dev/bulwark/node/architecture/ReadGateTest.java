package dev.bulwark.node.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The node's classes keep the one read gate ({@link ReadGateRules}); and each rule fails on a
 * deliberately bad class ({@link LeakyReads}), so a rule that checks nothing would be noticed.
 */
class ReadGateTest {
  static JavaClasses node;
  static JavaClasses leaky;

  @BeforeAll
  static void importClasses() {
    node =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bulwark.node");
    leaky = new ClassFileImporter().importClasses(LeakyReads.class, LeakyReads.OwnFilter.class);
  }

  @Test
  void theSystemFilterIsReferencedOnlyByTheStoreAndListedMaintenanceCode() {
    assertThatCode(() -> ReadGateRules.SYSTEM_FILTER_NEVER_FEEDS_A_RESPONSE.check(node))
        .doesNotThrowAnyException();
  }

  @Test
  void noClassOutsideSecurityImplementsReadFilterExceptDocumentedWrappers() {
    assertThatCode(() -> ReadGateRules.ONLY_THE_POLICY_MAKES_READ_FILTERS.check(node))
        .doesNotThrowAnyException();
  }

  @Test
  void theUnfilteredHeaderReadsServeOnlyWritesAndVersionSelection() {
    assertThatCode(
            () ->
                ReadGateRules.UNFILTERED_HEADERS_ONLY_FOR_WRITES_AND_VERSION_SELECTION.check(node))
        .doesNotThrowAnyException();
  }

  @Test
  void aClassThatReadsWithTheSystemFilterBreaksTheRule() {
    assertThatThrownBy(() -> ReadGateRules.SYSTEM_FILTER_NEVER_FEEDS_A_RESPONSE.check(leaky))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LeakyReads");
  }

  @Test
  void aClassThatMakesItsOwnReadFilterBreaksTheRule() {
    assertThatThrownBy(() -> ReadGateRules.ONLY_THE_POLICY_MAKES_READ_FILTERS.check(leaky))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("OwnFilter");
  }

  @Test
  void aClassThatReadsUnfilteredHeadersBreaksTheRule() {
    assertThatThrownBy(
            () ->
                ReadGateRules.UNFILTERED_HEADERS_ONLY_FOR_WRITES_AND_VERSION_SELECTION.check(leaky))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("headersOf");
  }
}
