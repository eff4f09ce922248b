package batch

import sms "github.com/smsgauge/sms"

// PENDING: the smart-encoding branch does not compile against main yet.
// Until it lands, smart encoding and the suggestion leave the body as it is.

func smartEncode(dst, body []byte) []byte { return append(dst, body...) }

func suggestBody(udh16 bool, b []byte) sms.Analysis { return analyzeBody(udh16, b) }
