// Package pdu is the bytes of an SMS on the air: the user data of each
// segment as an SMSC or an SMPP gateway sends it, and back.
//
// EncodeSegments and EncodeOptions.AppendSegments cut a body into the
// segments sms.Split bills (or those of a national language table of 3GPP
// TS 23.038 annex A) and write each as a Part: its user data header
// (3GPP TS 23.040 9.2.3.24, concatenation with an 8- or 16-bit reference),
// its user data (GSM-7 septets packed as TS 23.038 6.1.2.1 packs them,
// after the fill bits that align them on a septet after the header, or
// UTF-16BE for UCS-2), TP-DCS and TP-UDL. Reassemble reads parts back in
// any order. ParseUDH and UDH read and write headers, AppendPacked and
// AppendUnpacked pack and unpack septets, and GSM7 is the default alphabet as a
// golang.org/x/text encoding.
//
// Every function is pure and safe for concurrent use. On amd64 processors
// with AVX2, the runs of letters, digits, spaces and punctuation of GSM-7
// text are checked and packed 32 bytes at a time by an assembly loop chosen
// at init; every other architecture, and an amd64 build with the purego
// build tag, runs the same steps in Go. The bytes written are the same.
package pdu
