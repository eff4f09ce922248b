// Package sms tells a sender, before sending, exactly what an SMS will cost
// and whether a Twilio create-message request is valid.
//
// # Encoding and segments
//
// A body is sent in GSM-7, the GSM 7-bit default alphabet and its extension
// table (3GPP TS 23.038 clause 6.2.1), when every character is in it, and in
// UCS-2 (UTF-16 code units; a character outside the Basic Multilingual Plane
// costs two) otherwise. A single SMS carries 140 octets of user data: 160
// septets or 70 units. A longer message is sent in parts, each with a User
// Data Header for concatenation (3GPP TS 23.040 clause 9.2.3.24.1): 6 octets
// with an 8-bit reference, which leaves 153 septets or 67 units a part, or 7
// octets with a 16-bit reference (clause 9.2.3.24.8, Options.UDH16), which
// leaves 152 or 66.
//
// Analyze counts as Twilio bills (API version 2010-04-01, the NumSegments
// of the Message resource), following the rules of Twilio's segment
// calculator (npm sms-segments-calculator 1.3.0):
//
//   - the extension characters form feed, ^ { } \ [ ~ ] | and € cost two
//     septets (escape and code), and an escape pair is never split;
//   - a body is UCS-2 as soon as one grapheme cluster is not a single GSM-7
//     character, so e + U+0301 forces UCS-2 where é does not;
//   - a surrogate pair and a grapheme cluster (UAX #29 extended grapheme
//     clusters, as github.com/rivo/uniseg finds them) are never split across
//     parts, except CR LF, which counts as two characters and may be cut;
//   - the empty body is GSM-7, one segment.
//
// Where Twilio's calculator leaves an empty or over-full segment for a
// cluster larger than a whole part (say 30 emoji joined by ZWJ), this package
// cuts the cluster between code points, never inside a surrogate pair.
// Invalid UTF-8 never panics: each invalid byte counts as U+FFFD, one UCS-2
// unit, and is reported with its offset.
//
// # Speed
//
// Analyze makes no allocations and runs in linear time. Plain ASCII is
// classified a word at a time; the grapheme engine runs only around the few
// runes that can join a neighbour (combining marks, ZWJ, variation
// selectors, regional indicators, Hangul jamo, prepended marks): a table
// generated from uniseg and tested against it for every rune proves that
// between two other runes there is always a break.
//
// # Smart encoding, NFC and suggestions
//
// SmartEncode applies the look-alike substitutions of Twilio's SmartEncoded
// parameter (curly quotes, dashes, odd spaces, ...); SmartAnalyze reports
// what they save; Suggest finds the cheapest body that smart encoding and
// Unicode NFC normalisation reach, and says what fixes each character.
//
// # Fitting, line breaks and Twilio's error codes
//
// Fit cuts a body to a number of segments: the longest prefix of whole
// grapheme clusters that fits, with a suffix ("..." by default), in either
// encoding the cut leaves. LineBreakCost says what CR LF costs (Twilio bills
// it as two characters; an HTML form submits a textarea's line breaks so).
// ParamError.TwilioCode and AddressError.TwilioCode give the code of
// Twilio's error dictionary for the same mistake, 0 when it has none
// (testdata/twilio_error_codes.tsv lists them, with their sources).
//
// # Addresses, SIDs and requests
//
// ParseAddress tells E.164 numbers, short codes, alphanumeric sender IDs and
// channel addresses (whatsapp:, messenger:, rcs:) apart; CheckTo, CheckFrom
// and CheckRoute hold Twilio's direction rules; the SID types validate
// account, service, content, application and message SIDs. Numbering
// metadata (region, type, national formats) lives in package phone.
// CreateMessage, UpdateMessage, ListMessages, FetchMessage and DeleteMessage
// are the parameters of Twilio's Message resource (API version 2010-04-01):
// Validate checks them, Form (Query for a list) writes them as Twilio reads
// them, and ParseCreateMessage and ParseListMessages read them back.
//
// # Options
//
// Options, like every option set of the package, is a plain struct whose
// zero value is Twilio's default, with methods: Analyze(body) is
// Options{}.Analyze(body) without the error. The request builders are plain
// structs too, with Validate and Form.
//
// # Related packages
//
// This package is one message before it is sent, as pure functions: it
// makes no network call, reads no file and imports neither net/http nor
// encoding/json. Around it:
//
//   - package pdu writes the bytes on the air: the concatenation UDH (3GPP TS
//     23.040 9.2.3.24) and the user data, GSM-7 packed per 3GPP TS 23.038
//     6.1.2.1 or UCS-2; it reassembles parts, offers GSM-7 as a
//     golang.org/x/text encoding, and the national language shift tables of
//     3GPP TS 23.038 annex A;
//   - package rest builds the HTTP requests of the Message resource, with
//     endpoint, credentials and the decoding of parameters written as JSON;
//   - package phone reads numbers with libphonenumber metadata (it is the
//     only one that imports it, several megabytes in WebAssembly);
//   - package batch estimates whole campaigns.
package sms
