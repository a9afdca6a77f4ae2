package dev.bulwark.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Test vectors: the deterministic ids printed in the examples of the STIX 2.1 specification. */
class DeterministicIdTest {

  private final StixValidator validator = new StixValidator();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4 | {'type':'ipv4-addr','value':'198.51.100.3'}",
        "ipv4-addr--1ea47840-aa39-5aa8-b4a2-cd203eb6662a | {'type':'ipv4-addr','value':'198.51.100.0/24'}",
        "mac-addr--757b1725-9903-54f5-a855-1240691d7659 | {'type':'mac-addr','value':'d2:fb:49:24:37:18'}",
        "mutex--f93fe911-e545-5239-b9b0-597840d0c871 | {'type':'mutex','name':'__CLEANSWEEP__'}",
        "url--47c3cf9a-5027-5bf0-997a-017c7edc7c55 | {'type':'url','value':'https://example.com/research/index.html'}",
        "email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934 | {'type':'email-addr','value':'john@example.com','display_name':'John Doe'}",
        "autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff | {'type':'autonomous-system','number':15139,'name':'Slime Industries','rir':'ARIN'}",
        "directory--0a58d0c1-59e6-5afd-8252-dcd3f13e5622 | {'type':'directory','path':'C:\\\\Windows\\\\System32'}",
        "software--710b0b41-d4d0-5d6c-a400-fc9254554ffc | {'type':'software','name':'Word','cpe':'cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*','version':'2002','vendor':'Microsoft'}",
        "user-account--f94d689e-707d-58c3-b803-c720bb6ed096 | {'type':'user-account','user_id':'1001','account_login':'jdoe','account_type':'unix','display_name':'John Doe'}",
        "user-account--f223e803-846b-591a-aefa-545e938f8a56 | {'type':'user-account','user_id':'thegrugq_ebooks','account_login':'thegrugq_ebooks','account_type':'twitter'}",
        "file--949eb97a-da1e-5292-8959-03c4249dc9f3 | {'type':'file','hashes':{'SHA-256':'fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db'},'size':25536,'name':'foo.dll'}",
      })
  void computesTheIdsOfTheSpecificationExamples(String expected, String json)
      throws StixParseException {
    StixObject sco = new StixCodec().parseObject(json.replace('\'', '"'));
    assertThat(validator.deterministicId(sco)).contains(expected);

    StixObject withId =
        new StixCodec()
            .parseObject(
                json.replace('\'', '"').replaceFirst("\\{", "{\"id\":\"" + expected + "\","));
    assertThat(validator.validate(withId).findings())
        .noneMatch(f -> f.rule().equals(Rules.DETERMINISTIC_ID));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{'type':'process','pid':1}",
        "{'type':'file','size':1}",
      })
  void typesWithoutContributingPropertiesHaveNoDeterministicId(String json)
      throws StixParseException {
    assertThat(validator.deterministicId(new StixCodec().parseObject(json.replace('\'', '"'))))
        .isEmpty();
  }
}
