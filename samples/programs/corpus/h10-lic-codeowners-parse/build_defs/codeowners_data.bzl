# Mirrors //.github/CODEOWNERS so macros can stamp owner labels.
CODEOWNERS = """
# CODEOWNERS for the security monorepo. Last matching rule wins.
# Generated sections are marked; edit owners.yaml instead.

# --- security/scanners ---
/security/scanners/ @acme/appsec
/security/scanners/rules/* @acme/crypto-core @acme/audit-logging
/security/scanners/detectors/* @acme/appsec @acme/infra-sandbox
/security/scanners/fixtures/* @acme/audit-logging @acme/audit-logging
/security/scanners/schemas/* @acme/release-signing @acme/compliance-eng
/security/scanners/golden/* @acme/appsec @acme/audit-logging
/security/scanners/tests/* @acme/identity @acme/platform-security
/security/scanners/bin/* @acme/infra-sandbox @acme/identity
/security/scanners/lib/* @acme/appsec @acme/crypto-core
/security/scanners/config/* @acme/compliance-eng @acme/identity
/security/scanners/docs/* @acme/crypto-core @acme/crypto-core
/security/scanners/proto/* @acme/release-signing @acme/release-signing
/security/scanners/internal/* @acme/audit-logging @acme/compliance-eng

# --- security/policy ---
/security/policy/ @acme/release-signing
/security/policy/rules/* @acme/identity @acme/compliance-eng
/security/policy/detectors/* @acme/audit-logging @acme/infra-sandbox
/security/policy/fixtures/* @acme/audit-logging @acme/crypto-core
/security/policy/schemas/* @acme/appsec @acme/appsec
/security/policy/golden/* @acme/infra-sandbox @acme/compliance-eng
/security/policy/tests/* @acme/infra-sandbox @acme/release-signing
/security/policy/bin/* @acme/identity @acme/infra-sandbox
/security/policy/lib/* @acme/identity @acme/audit-logging
/security/policy/config/* @acme/crypto-core @acme/audit-logging
/security/policy/docs/* @acme/platform-security @acme/identity
/security/policy/proto/* @acme/compliance-eng @acme/infra-sandbox
/security/policy/internal/* @acme/crypto-core @acme/infra-sandbox

# --- compliance/sbom ---
/compliance/sbom/ @acme/appsec
/compliance/sbom/rules/* @acme/appsec @acme/audit-logging
/compliance/sbom/detectors/* @acme/release-signing @acme/platform-security
/compliance/sbom/fixtures/* @acme/platform-security @acme/compliance-eng
/compliance/sbom/schemas/* @acme/crypto-core @acme/identity
/compliance/sbom/golden/* @acme/compliance-eng @acme/platform-security
/compliance/sbom/tests/* @acme/platform-security @acme/audit-logging
/compliance/sbom/bin/* @acme/compliance-eng @acme/infra-sandbox
/compliance/sbom/lib/* @acme/identity @acme/crypto-core
/compliance/sbom/config/* @acme/crypto-core @acme/audit-logging
/compliance/sbom/docs/* @acme/infra-sandbox @acme/release-signing
/compliance/sbom/proto/* @acme/compliance-eng @acme/compliance-eng
/compliance/sbom/internal/* @acme/platform-security @acme/release-signing

# --- compliance/licenses ---
/compliance/licenses/ @acme/audit-logging
/compliance/licenses/rules/* @acme/release-signing @acme/compliance-eng
/compliance/licenses/detectors/* @acme/compliance-eng @acme/compliance-eng
/compliance/licenses/fixtures/* @acme/audit-logging @acme/identity
/compliance/licenses/schemas/* @acme/identity @acme/crypto-core
/compliance/licenses/golden/* @acme/infra-sandbox @acme/appsec
/compliance/licenses/tests/* @acme/appsec @acme/identity
/compliance/licenses/bin/* @acme/identity @acme/infra-sandbox
/compliance/licenses/lib/* @acme/platform-security @acme/release-signing
/compliance/licenses/config/* @acme/audit-logging @acme/crypto-core
/compliance/licenses/docs/* @acme/compliance-eng @acme/crypto-core
/compliance/licenses/proto/* @acme/audit-logging @acme/infra-sandbox
/compliance/licenses/internal/* @acme/release-signing @acme/audit-logging

# --- infra/sandbox ---
/infra/sandbox/ @acme/audit-logging
/infra/sandbox/rules/* @acme/platform-security @acme/compliance-eng
/infra/sandbox/detectors/* @acme/audit-logging @acme/audit-logging
/infra/sandbox/fixtures/* @acme/crypto-core @acme/compliance-eng
/infra/sandbox/schemas/* @acme/crypto-core @acme/identity
/infra/sandbox/golden/* @acme/crypto-core @acme/audit-logging
/infra/sandbox/tests/* @acme/compliance-eng @acme/audit-logging
/infra/sandbox/bin/* @acme/platform-security @acme/crypto-core
/infra/sandbox/lib/* @acme/appsec @acme/appsec
/infra/sandbox/config/* @acme/audit-logging @acme/platform-security
/infra/sandbox/docs/* @acme/appsec @acme/identity
/infra/sandbox/proto/* @acme/platform-security @acme/compliance-eng
/infra/sandbox/internal/* @acme/platform-security @acme/audit-logging

# --- infra/signing ---
/infra/signing/ @acme/audit-logging
/infra/signing/rules/* @acme/compliance-eng @acme/audit-logging
/infra/signing/detectors/* @acme/crypto-core @acme/audit-logging
/infra/signing/fixtures/* @acme/identity @acme/release-signing
/infra/signing/schemas/* @acme/audit-logging @acme/crypto-core
/infra/signing/golden/* @acme/identity @acme/compliance-eng
/infra/signing/tests/* @acme/infra-sandbox @acme/identity
/infra/signing/bin/* @acme/appsec @acme/infra-sandbox
/infra/signing/lib/* @acme/audit-logging @acme/appsec
/infra/signing/config/* @acme/platform-security @acme/release-signing
/infra/signing/docs/* @acme/crypto-core @acme/infra-sandbox
/infra/signing/proto/* @acme/release-signing @acme/platform-security
/infra/signing/internal/* @acme/appsec @acme/platform-security

# --- tools/attest ---
/tools/attest/ @acme/release-signing
/tools/attest/rules/* @acme/compliance-eng @acme/audit-logging
/tools/attest/detectors/* @acme/compliance-eng @acme/identity
/tools/attest/fixtures/* @acme/crypto-core @acme/infra-sandbox
/tools/attest/schemas/* @acme/identity @acme/compliance-eng
/tools/attest/golden/* @acme/platform-security @acme/infra-sandbox
/tools/attest/tests/* @acme/crypto-core @acme/infra-sandbox
/tools/attest/bin/* @acme/platform-security @acme/release-signing
/tools/attest/lib/* @acme/audit-logging @acme/crypto-core
/tools/attest/config/* @acme/audit-logging @acme/infra-sandbox
/tools/attest/docs/* @acme/release-signing @acme/identity
/tools/attest/proto/* @acme/platform-security @acme/appsec
/tools/attest/internal/* @acme/infra-sandbox @acme/crypto-core

# --- tools/secrets ---
/tools/secrets/ @acme/crypto-core
/tools/secrets/rules/* @acme/crypto-core @acme/infra-sandbox
/tools/secrets/detectors/* @acme/platform-security @acme/crypto-core
/tools/secrets/fixtures/* @acme/platform-security @acme/appsec
/tools/secrets/schemas/* @acme/identity @acme/release-signing
/tools/secrets/golden/* @acme/identity @acme/audit-logging
/tools/secrets/tests/* @acme/crypto-core @acme/infra-sandbox
/tools/secrets/bin/* @acme/release-signing @acme/audit-logging
/tools/secrets/lib/* @acme/release-signing @acme/audit-logging
/tools/secrets/config/* @acme/release-signing @acme/crypto-core
/tools/secrets/docs/* @acme/audit-logging @acme/identity
/tools/secrets/proto/* @acme/identity @acme/release-signing
/tools/secrets/internal/* @acme/audit-logging @acme/audit-logging

# --- services/auth ---
/services/auth/ @acme/audit-logging
/services/auth/rules/* @acme/audit-logging @acme/platform-security
/services/auth/detectors/* @acme/identity @acme/crypto-core
/services/auth/fixtures/* @acme/compliance-eng @acme/crypto-core
/services/auth/schemas/* @acme/platform-security @acme/release-signing
/services/auth/golden/* @acme/appsec @acme/identity
/services/auth/tests/* @acme/identity @acme/platform-security
/services/auth/bin/* @acme/crypto-core @acme/identity
/services/auth/lib/* @acme/release-signing @acme/compliance-eng
/services/auth/config/* @acme/infra-sandbox @acme/compliance-eng
/services/auth/docs/* @acme/release-signing @acme/platform-security
/services/auth/proto/* @acme/appsec @acme/infra-sandbox
/services/auth/internal/* @acme/platform-security @acme/crypto-core

# --- services/vault ---
/services/vault/ @acme/infra-sandbox
/services/vault/rules/* @acme/audit-logging @acme/appsec
/services/vault/detectors/* @acme/crypto-core @acme/infra-sandbox
/services/vault/fixtures/* @acme/identity @acme/infra-sandbox
/services/vault/schemas/* @acme/identity @acme/appsec
/services/vault/golden/* @acme/appsec @acme/appsec
/services/vault/tests/* @acme/identity @acme/crypto-core
/services/vault/bin/* @acme/identity @acme/compliance-eng
/services/vault/lib/* @acme/compliance-eng @acme/platform-security
/services/vault/config/* @acme/identity @acme/compliance-eng
/services/vault/docs/* @acme/appsec @acme/identity
/services/vault/proto/* @acme/platform-security @acme/crypto-core
/services/vault/internal/* @acme/audit-logging @acme/identity

# --- services/audit ---
/services/audit/ @acme/appsec
/services/audit/rules/* @acme/compliance-eng @acme/audit-logging
/services/audit/detectors/* @acme/audit-logging @acme/audit-logging
/services/audit/fixtures/* @acme/audit-logging @acme/compliance-eng
/services/audit/schemas/* @acme/identity @acme/crypto-core
/services/audit/golden/* @acme/identity @acme/audit-logging
/services/audit/tests/* @acme/crypto-core @acme/infra-sandbox
/services/audit/bin/* @acme/platform-security @acme/crypto-core
/services/audit/lib/* @acme/compliance-eng @acme/appsec
/services/audit/config/* @acme/compliance-eng @acme/infra-sandbox
/services/audit/docs/* @acme/crypto-core @acme/identity
/services/audit/proto/* @acme/crypto-core @acme/appsec
/services/audit/internal/* @acme/appsec @acme/compliance-eng

# --- libs/crypto ---
/libs/crypto/ @acme/release-signing
/libs/crypto/rules/* @acme/infra-sandbox @acme/appsec
/libs/crypto/detectors/* @acme/compliance-eng @acme/platform-security
/libs/crypto/fixtures/* @acme/identity @acme/compliance-eng
/libs/crypto/schemas/* @acme/release-signing @acme/appsec
/libs/crypto/golden/* @acme/crypto-core @acme/crypto-core
/libs/crypto/tests/* @acme/platform-security @acme/identity
/libs/crypto/bin/* @acme/infra-sandbox @acme/audit-logging
/libs/crypto/lib/* @acme/compliance-eng @acme/compliance-eng
/libs/crypto/config/* @acme/crypto-core @acme/audit-logging
/libs/crypto/docs/* @acme/identity @acme/appsec
/libs/crypto/proto/* @acme/compliance-eng @acme/compliance-eng
/libs/crypto/internal/* @acme/crypto-core @acme/compliance-eng

"""
