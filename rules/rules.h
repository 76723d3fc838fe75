// Constructors of the implemented rules; rules/registry.cpp lists them in one table.
#pragma once

#include <memory>

#include "engine/engine.h"

namespace hg::rules {

std::unique_ptr<Rule> makeMissingSignatureVerification();  // WH101
std::unique_ptr<Rule> makeTimingUnsafeCompare();           // WH102
std::unique_ptr<Rule> makeVerifyAfterUse();                // WH103
std::unique_ptr<Rule> makeSignatureOverParsedBody();       // WH104
std::unique_ptr<Rule> makeFailOpenVerification();          // WH105
std::unique_ptr<Rule> makeWeakSignatureAlgorithm();        // WH106
std::unique_ptr<Rule> makeHardcodedWebhookSecret();        // WH107
std::unique_ptr<Rule> makeMissingReplayProtection();       // WH201
std::unique_ptr<Rule> makeUnsignedTimestamp();             // WH202
std::unique_ptr<Rule> makeWeakTimestampWindow();           // WH203
std::unique_ptr<Rule> makeMissingBodySizeLimit();          // WH301
std::unique_ptr<Rule> makeExcessiveBodySizeLimit();        // WH302
std::unique_ptr<Rule> makeSsrfUnvalidatedUrl();             // WH401
std::unique_ptr<Rule> makeOpenRedirect();                   // WH402
std::unique_ptr<Rule> makeOutboundRequestWithoutTimeout();  // WH403
std::unique_ptr<Rule> makeUnvalidatedPayload();             // WH501
std::unique_ptr<Rule> makePayloadObjectReference();         // WH502
std::unique_ptr<Rule> makePayloadCodeInjection();           // WH503

}  // namespace hg::rules
