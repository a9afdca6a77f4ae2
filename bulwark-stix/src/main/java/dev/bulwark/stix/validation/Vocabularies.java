package dev.bulwark.stix.validation;

import java.util.Map;
import java.util.Set;

/**
 * The vocabularies and enumerations of STIX 2.1 section 10, transcribed from the specification.
 * Open vocabularies ({@code -ov}) allow other values (a warning); enumerations ({@code -enum}) do
 * not (an error). Immutable and thread-safe.
 */
final class Vocabularies {

  /** One vocabulary. */
  record Vocab(String name, String section, boolean closed, Set<String> values) {}

  static final Map<String, Vocab> ALL =
      Map.ofEntries(
          Map.entry(
              "account-type-ov",
              new Vocab(
                  "account-type-ov",
                  "10.1",
                  false,
                  Set.of(
                      "facebook",
                      "ldap",
                      "nis",
                      "openid",
                      "radius",
                      "skype",
                      "tacacs",
                      "twitter",
                      "unix",
                      "windows-local",
                      "windows-domain"))),
          Map.entry(
              "attack-motivation-ov",
              new Vocab(
                  "attack-motivation-ov",
                  "10.2",
                  false,
                  Set.of(
                      "accidental",
                      "coercion",
                      "dominance",
                      "ideology",
                      "notoriety",
                      "organizational-gain",
                      "personal-gain",
                      "personal-satisfaction",
                      "revenge",
                      "unpredictable"))),
          Map.entry(
              "attack-resource-level-ov",
              new Vocab(
                  "attack-resource-level-ov",
                  "10.3",
                  false,
                  Set.of("individual", "club", "contest", "team", "organization", "government"))),
          Map.entry(
              "encryption-algorithm-enum",
              new Vocab(
                  "encryption-algorithm-enum",
                  "10.4",
                  true,
                  Set.of("AES-256-GCM", "ChaCha20-Poly1305", "mime-type-indicated"))),
          Map.entry(
              "extension-type-enum",
              new Vocab(
                  "extension-type-enum",
                  "10.5",
                  true,
                  Set.of(
                      "new-sdo",
                      "new-sco",
                      "new-sro",
                      "property-extension",
                      "toplevel-property-extension"))),
          Map.entry(
              "grouping-context-ov",
              new Vocab(
                  "grouping-context-ov",
                  "10.6",
                  false,
                  Set.of("suspicious-activity", "malware-analysis", "unspecified"))),
          Map.entry(
              "hash-algorithm-ov",
              new Vocab(
                  "hash-algorithm-ov",
                  "10.7",
                  false,
                  Set.of(
                      "MD5",
                      "SHA-1",
                      "SHA-256",
                      "SHA-512",
                      "SHA3-256",
                      "SHA3-512",
                      "SSDEEP",
                      "TLSH"))),
          Map.entry(
              "identity-class-ov",
              new Vocab(
                  "identity-class-ov",
                  "10.8",
                  false,
                  Set.of("individual", "group", "system", "organization", "class", "unknown"))),
          Map.entry(
              "implementation-language-ov",
              new Vocab(
                  "implementation-language-ov",
                  "10.9",
                  false,
                  Set.of(
                      "applescript",
                      "bash",
                      "c",
                      "c++",
                      "c#",
                      "go",
                      "java",
                      "javascript",
                      "lua",
                      "objective-c",
                      "perl",
                      "php",
                      "powershell",
                      "python",
                      "ruby",
                      "rust",
                      "scala",
                      "swift",
                      "typescript",
                      "visual-basic",
                      "x86-32",
                      "x86-64"))),
          Map.entry(
              "indicator-type-ov",
              new Vocab(
                  "indicator-type-ov",
                  "10.10",
                  false,
                  Set.of(
                      "anomalous-activity",
                      "anonymization",
                      "benign",
                      "compromised",
                      "malicious-activity",
                      "attribution",
                      "unknown"))),
          Map.entry(
              "industry-sector-ov",
              new Vocab(
                  "industry-sector-ov",
                  "10.11",
                  false,
                  Set.of(
                      "agriculture",
                      "aerospace",
                      "automotive",
                      "chemical",
                      "commercial",
                      "communications",
                      "construction",
                      "defense",
                      "education",
                      "energy",
                      "entertainment",
                      "financial-services",
                      "government",
                      "emergency-services",
                      "government-local",
                      "government-national",
                      "government-public-services",
                      "government-regional",
                      "healthcare",
                      "hospitality-leisure",
                      "infrastructure",
                      "dams",
                      "nuclear",
                      "water",
                      "insurance",
                      "legal",
                      "manufacturing",
                      "mining",
                      "non-profit",
                      "pharmaceuticals",
                      "retail",
                      "technology",
                      "telecommunications",
                      "transportation",
                      "utilities"))),
          Map.entry(
              "infrastructure-type-ov",
              new Vocab(
                  "infrastructure-type-ov",
                  "10.12",
                  false,
                  Set.of(
                      "amplification",
                      "anonymization",
                      "botnet",
                      "command-and-control",
                      "control-system",
                      "exfiltration",
                      "firewall",
                      "hosting-malware",
                      "hosting-target-lists",
                      "phishing",
                      "reconnaissance",
                      "routers-switches",
                      "staging",
                      "workstation",
                      "unknown"))),
          Map.entry(
              "malware-capabilities-ov",
              new Vocab(
                  "malware-capabilities-ov",
                  "10.13",
                  false,
                  Set.of(
                      "accesses-remote-machines",
                      "anti-debugging",
                      "anti-disassembly",
                      "anti-emulation",
                      "anti-memory-forensics",
                      "anti-sandbox",
                      "anti-vm",
                      "captures-input-peripherals",
                      "captures-output-peripherals",
                      "captures-system-state-data",
                      "cleans-traces-of-infection",
                      "commits-fraud",
                      "communicates-with-c2",
                      "compromises-data-availability",
                      "compromises-data-integrity",
                      "compromises-system-availability",
                      "controls-local-machine",
                      "degrades-security-software",
                      "degrades-system-updates",
                      "determines-c2-server",
                      "emails-spam",
                      "escalates-privileges",
                      "evades-av",
                      "exfiltrates-data",
                      "fingerprints-host",
                      "hides-artifacts",
                      "hides-executing-code",
                      "infects-files",
                      "infects-remote-machines",
                      "installs-other-components",
                      "persists-after-system-reboot",
                      "prevents-artifact-access",
                      "prevents-artifact-deletion",
                      "probes-network-environment",
                      "self-modifies",
                      "steals-authentication-credentials",
                      "violates-system-operational-integrity"))),
          Map.entry(
              "malware-result-ov",
              new Vocab(
                  "malware-result-ov",
                  "10.14",
                  false,
                  Set.of("malicious", "suspicious", "benign", "unknown"))),
          Map.entry(
              "malware-type-ov",
              new Vocab(
                  "malware-type-ov",
                  "10.15",
                  false,
                  Set.of(
                      "adware",
                      "backdoor",
                      "bot",
                      "bootkit",
                      "ddos",
                      "downloader",
                      "dropper",
                      "exploit-kit",
                      "keylogger",
                      "ransomware",
                      "remote-access-trojan",
                      "resource-exploitation",
                      "rogue-security-software",
                      "rootkit",
                      "screen-capture",
                      "spyware",
                      "trojan",
                      "unknown",
                      "virus",
                      "webshell",
                      "wiper",
                      "worm"))),
          Map.entry(
              "network-socket-address-family-enum",
              new Vocab(
                  "network-socket-address-family-enum",
                  "10.16",
                  true,
                  Set.of(
                      "AF_UNSPEC",
                      "AF_INET",
                      "AF_IPX",
                      "AF_APPLETALK",
                      "AF_NETBIOS",
                      "AF_INET6",
                      "AF_IRDA",
                      "AF_BTH"))),
          Map.entry(
              "network-socket-type-enum",
              new Vocab(
                  "network-socket-type-enum",
                  "10.17",
                  true,
                  Set.of("SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM", "SOCK_SEQPACKET"))),
          Map.entry(
              "opinion-enum",
              new Vocab(
                  "opinion-enum",
                  "10.18",
                  true,
                  Set.of("strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"))),
          Map.entry(
              "pattern-type-ov",
              new Vocab(
                  "pattern-type-ov",
                  "10.19",
                  false,
                  Set.of("stix", "pcre", "sigma", "snort", "suricata", "yara"))),
          Map.entry(
              "processor-architecture-ov",
              new Vocab(
                  "processor-architecture-ov",
                  "10.20",
                  false,
                  Set.of("alpha", "arm", "ia-64", "mips", "powerpc", "sparc", "x86", "x86-64"))),
          Map.entry(
              "region-ov",
              new Vocab(
                  "region-ov",
                  "10.21",
                  false,
                  Set.of(
                      "africa",
                      "eastern-africa",
                      "middle-africa",
                      "northern-africa",
                      "southern-africa",
                      "western-africa",
                      "americas",
                      "caribbean",
                      "central-america",
                      "latin-america-caribbean",
                      "northern-america",
                      "south-america",
                      "asia",
                      "central-asia",
                      "eastern-asia",
                      "southern-asia",
                      "south-eastern-asia",
                      "western-asia",
                      "europe",
                      "eastern-europe",
                      "northern-europe",
                      "southern-europe",
                      "western-europe",
                      "oceania",
                      "antarctica",
                      "australia-new-zealand",
                      "melanesia",
                      "micronesia",
                      "polynesia"))),
          Map.entry(
              "report-type-ov",
              new Vocab(
                  "report-type-ov",
                  "10.22",
                  false,
                  Set.of(
                      "attack-pattern",
                      "campaign",
                      "identity",
                      "incident",
                      "indicator",
                      "intrusion-set",
                      "malware",
                      "observed-data",
                      "threat-actor",
                      "threat-report",
                      "tool",
                      "vulnerability"))),
          Map.entry(
              "threat-actor-type-ov",
              new Vocab(
                  "threat-actor-type-ov",
                  "10.23",
                  false,
                  Set.of(
                      "activist",
                      "competitor",
                      "crime-syndicate",
                      "criminal",
                      "hacker",
                      "insider-accidental",
                      "insider-disgruntled",
                      "nation-state",
                      "private-sector",
                      "sensationalist",
                      "spy",
                      "terrorist",
                      "unknown"))),
          Map.entry(
              "threat-actor-role-ov",
              new Vocab(
                  "threat-actor-role-ov",
                  "10.24",
                  false,
                  Set.of(
                      "agent",
                      "director",
                      "independent",
                      "infrastructure-architect",
                      "infrastructure-operator",
                      "malware-author",
                      "sponsor"))),
          Map.entry(
              "threat-actor-sophistication-ov",
              new Vocab(
                  "threat-actor-sophistication-ov",
                  "10.25",
                  false,
                  Set.of(
                      "none",
                      "minimal",
                      "intermediate",
                      "advanced",
                      "expert",
                      "innovator",
                      "strategic"))),
          Map.entry(
              "tool-type-ov",
              new Vocab(
                  "tool-type-ov",
                  "10.26",
                  false,
                  Set.of(
                      "denial-of-service",
                      "exploitation",
                      "information-gathering",
                      "network-capture",
                      "credential-exploitation",
                      "remote-access",
                      "vulnerability-scanning",
                      "unknown"))),
          Map.entry(
              "windows-integrity-level-enum",
              new Vocab(
                  "windows-integrity-level-enum",
                  "10.27",
                  true,
                  Set.of("low", "medium", "high", "system"))),
          Map.entry(
              "windows-pebinary-type-ov",
              new Vocab("windows-pebinary-type-ov", "10.28", false, Set.of("dll", "exe", "sys"))),
          Map.entry(
              "windows-registry-datatype-enum",
              new Vocab(
                  "windows-registry-datatype-enum",
                  "10.29",
                  true,
                  Set.of(
                      "REG_NONE",
                      "REG_SZ",
                      "REG_EXPAND_SZ",
                      "REG_BINARY",
                      "REG_DWORD",
                      "REG_DWORD_BIG_ENDIAN",
                      "REG_DWORD_LITTLE_ENDIAN",
                      "REG_LINK",
                      "REG_MULTI_SZ",
                      "REG_RESOURCE_LIST",
                      "REG_FULL_RESOURCE_DESCRIPTION",
                      "REG_RESOURCE_REQUIREMENTS_LIST",
                      "REG_QWORD",
                      "REG_INVALID_TYPE"))),
          Map.entry(
              "windows-service-start-type-enum",
              new Vocab(
                  "windows-service-start-type-enum",
                  "10.30",
                  true,
                  Set.of(
                      "SERVICE_AUTO_START",
                      "SERVICE_BOOT_START",
                      "SERVICE_DEMAND_START",
                      "SERVICE_DISABLED",
                      "SERVICE_SYSTEM_ALERT"))),
          Map.entry(
              "windows-service-type-enum",
              new Vocab(
                  "windows-service-type-enum",
                  "10.31",
                  true,
                  Set.of(
                      "SERVICE_KERNEL_DRIVER",
                      "SERVICE_FILE_SYSTEM_DRIVER",
                      "SERVICE_WIN32_OWN_PROCESS",
                      "SERVICE_WIN32_SHARE_PROCESS"))),
          Map.entry(
              "windows-service-status-enum",
              new Vocab(
                  "windows-service-status-enum",
                  "10.32",
                  true,
                  Set.of(
                      "SERVICE_CONTINUE_PENDING",
                      "SERVICE_PAUSE_PENDING",
                      "SERVICE_PAUSED",
                      "SERVICE_RUNNING",
                      "SERVICE_START_PENDING",
                      "SERVICE_STOP_PENDING",
                      "SERVICE_STOPPED"))));

  private Vocabularies() {}

  static Vocab get(String name) {
    Vocab v = ALL.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no vocabulary " + name);
    }
    return v;
  }
}
