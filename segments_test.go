package sms

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/smsgauge/sms/internal/grapheme"
)

// twilioCase is a row whose expectations come from Twilio's segment
// calculator (npm sms-segments-calculator 1.3.0: its test suite and its
// maintainers' live-verified cases, where live Twilio billed the same).
type twilioCase struct {
	name        string
	body        string
	smart       bool // SmartEncoded=true: see smartencode_test.go
	encoding    Encoding
	segments    int
	characters  int
	full        bool // the fields below are set
	scalars     int
	messageBits int
	totalBits   int
	perSegment  []int
	nonGSM      []string
}

var twilioCases = []twilioCase{
	{name: "calculator: GSM-7 in one segment", body: strings.Repeat("1234567890", 16), encoding: EncodingGSM7, segments: 1, characters: 160, scalars: 160, messageBits: 1120, totalBits: 1120, perSegment: []int{160}, nonGSM: []string{}, full: true},
	{name: "calculator: GSM-7 in two segments", body: strings.Repeat("1234567890", 16) + "1", encoding: EncodingGSM7, segments: 2, characters: 161, scalars: 161, messageBits: 1127, totalBits: 1223, perSegment: []int{153, 8}, nonGSM: []string{}, full: true},
	{name: "calculator: GSM-7 in three segments", body: strings.Repeat("1234567890", 30) + "1234567", encoding: EncodingGSM7, segments: 3, characters: 307, scalars: 307, messageBits: 2149, totalBits: 2293, perSegment: []int{153, 153, 1}, nonGSM: []string{}, full: true},
	{name: "calculator: UCS-2 message in one segment", body: "😜23456789012345678901234567890123456789012345678901234567890123456789", encoding: EncodingUCS2, segments: 1, characters: 69, scalars: 69, messageBits: 1120, totalBits: 1120, perSegment: []int{70}, nonGSM: []string{"😜"}, full: true},
	{name: "calculator: UCS-2 message in two segments", body: "😜234567890123456789012345678901234567890123456789012345678901234567890", encoding: EncodingUCS2, segments: 2, characters: 70, scalars: 70, messageBits: 1136, totalBits: 1232, perSegment: []int{67, 4}, nonGSM: []string{"😜"}, full: true},
	{name: "calculator: UCS-2 message in three segments", body: "😜2345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234", encoding: EncodingUCS2, segments: 3, characters: 134, scalars: 134, messageBits: 2160, totalBits: 2304, perSegment: []int{67, 67, 1}, nonGSM: []string{"😜"}, full: true},
	{name: "calculator: UCS-2 with two bytes extended characters in one segments boundary", body: "🇮🇹234567890123456789012345678901234567890123456789012345678901234567", encoding: EncodingUCS2, segments: 1, characters: 67, scalars: 68, messageBits: 1120, totalBits: 1120, perSegment: []int{70}, nonGSM: []string{"🇮🇹"}, full: true},
	{name: "calculator: UCS-2 with extended characters in two segments boundary", body: "🇮🇹2345678901234567890123456789012345678901234567890123456789012345678", encoding: EncodingUCS2, segments: 2, characters: 68, scalars: 69, messageBits: 1136, totalBits: 1232, perSegment: []int{67, 4}, nonGSM: []string{"🇮🇹"}, full: true},
	{name: "calculator: UCS-2 with four bytes extended characters in one segments boundary", body: "🏳\uFE0F\u200D🌈2345678901234567890123456789012345678901234567890123456789012345", encoding: EncodingUCS2, segments: 1, characters: 65, scalars: 68, messageBits: 1120, totalBits: 1120, perSegment: []int{70}, nonGSM: []string{"🏳\uFE0F\u200D🌈"}, full: true},
	{name: "calculator: UCS-2 with four bytes extended characters in two segments boundary", body: "🏳\uFE0F\u200D🌈23456789012345678901234567890123456789012345678901234567890123456", encoding: EncodingUCS2, segments: 2, characters: 66, scalars: 69, messageBits: 1136, totalBits: 1232, perSegment: []int{67, 4}, nonGSM: []string{"🏳\uFE0F\u200D🌈"}, full: true},
	{name: "calculator: escape | one segment (1 esc + 158)", body: "|12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678", encoding: EncodingGSM7, segments: 1, characters: 160, scalars: 159, messageBits: 1120, totalBits: 1120, perSegment: []int{160}, nonGSM: []string{}, full: true},
	{name: "calculator: escape | two segments (1 esc + 159)", body: "|123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", encoding: EncodingGSM7, segments: 2, characters: 161, scalars: 160, messageBits: 1127, totalBits: 1223, perSegment: []int{153, 8}, nonGSM: []string{}, full: true},
	{name: "calculator: escape ^ one segment (1 esc + 158)", body: "^12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678", encoding: EncodingGSM7, segments: 1, characters: 160, scalars: 159, messageBits: 1120, totalBits: 1120, perSegment: []int{160}, nonGSM: []string{}, full: true},
	{name: "calculator: escape ^ two segments (1 esc + 159)", body: "^123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", encoding: EncodingGSM7, segments: 2, characters: 161, scalars: 160, messageBits: 1127, totalBits: 1223, perSegment: []int{153, 8}, nonGSM: []string{}, full: true},
	{name: "calculator: escape € one segment (1 esc + 158)", body: "€12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678", encoding: EncodingGSM7, segments: 1, characters: 160, scalars: 159, messageBits: 1120, totalBits: 1120, perSegment: []int{160}, nonGSM: []string{}, full: true},
	{name: "calculator: escape € two segments (1 esc + 159)", body: "€123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", encoding: EncodingGSM7, segments: 2, characters: 161, scalars: 160, messageBits: 1127, totalBits: 1223, perSegment: []int{153, 8}, nonGSM: []string{}, full: true},
	{name: "calculator: escape { one segment (1 esc + 158)", body: "{12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678", encoding: EncodingGSM7, segments: 1, characters: 160, scalars: 159, messageBits: 1120, totalBits: 1120, perSegment: []int{160}, nonGSM: []string{}, full: true},
	{name: "calculator: escape { two segments (1 esc + 159)", body: "{123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", encoding: EncodingGSM7, segments: 2, characters: 161, scalars: 160, messageBits: 1127, totalBits: 1223, perSegment: []int{153, 8}, nonGSM: []string{}, full: true},
	{name: "calculator: escape } one segment (1 esc + 158)", body: "}12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678", encoding: EncodingGSM7, segments: 1, characters: 160, scalars: 159, messageBits: 1120, totalBits: 1120, perSegment: []int{160}, nonGSM: []string{}, full: true},
	{name: "calculator: escape } two segments (1 esc + 159)", body: "}123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", encoding: EncodingGSM7, segments: 2, characters: 161, scalars: 160, messageBits: 1127, totalBits: 1223, perSegment: []int{153, 8}, nonGSM: []string{}, full: true},
	{name: "calculator: escape [ one segment (1 esc + 158)", body: "[12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678", encoding: EncodingGSM7, segments: 1, characters: 160, scalars: 159, messageBits: 1120, totalBits: 1120, perSegment: []int{160}, nonGSM: []string{}, full: true},
	{name: "calculator: escape [ two segments (1 esc + 159)", body: "[123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", encoding: EncodingGSM7, segments: 2, characters: 161, scalars: 160, messageBits: 1127, totalBits: 1223, perSegment: []int{153, 8}, nonGSM: []string{}, full: true},
	{name: "calculator: escape ] one segment (1 esc + 158)", body: "]12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678", encoding: EncodingGSM7, segments: 1, characters: 160, scalars: 159, messageBits: 1120, totalBits: 1120, perSegment: []int{160}, nonGSM: []string{}, full: true},
	{name: "calculator: escape ] two segments (1 esc + 159)", body: "]123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", encoding: EncodingGSM7, segments: 2, characters: 161, scalars: 160, messageBits: 1127, totalBits: 1223, perSegment: []int{153, 8}, nonGSM: []string{}, full: true},
	{name: "calculator: escape ~ one segment (1 esc + 158)", body: "~12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678", encoding: EncodingGSM7, segments: 1, characters: 160, scalars: 159, messageBits: 1120, totalBits: 1120, perSegment: []int{160}, nonGSM: []string{}, full: true},
	{name: "calculator: escape ~ two segments (1 esc + 159)", body: "~123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", encoding: EncodingGSM7, segments: 2, characters: 161, scalars: 160, messageBits: 1127, totalBits: 1223, perSegment: []int{153, 8}, nonGSM: []string{}, full: true},
	{name: "calculator: escape \\ one segment (1 esc + 158)", body: "\\12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678", encoding: EncodingGSM7, segments: 1, characters: 160, scalars: 159, messageBits: 1120, totalBits: 1120, perSegment: []int{160}, nonGSM: []string{}, full: true},
	{name: "calculator: escape \\ two segments (1 esc + 159)", body: "\\123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", encoding: EncodingGSM7, segments: 2, characters: 161, scalars: 160, messageBits: 1127, totalBits: 1223, perSegment: []int{153, 8}, nonGSM: []string{}, full: true},
	{name: "calculator: 70 x Á", body: strings.Repeat("Á", 70), encoding: EncodingUCS2, segments: 1, characters: 70, scalars: 70, messageBits: 1120, totalBits: 1120, perSegment: []int{70}, nonGSM: []string{"Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á"}, full: true},
	{name: "calculator: 71 x Á", body: strings.Repeat("Á", 71), encoding: EncodingUCS2, segments: 2, characters: 71, scalars: 71, messageBits: 1136, totalBits: 1232, perSegment: []int{67, 4}, nonGSM: []string{"Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á", "Á"}, full: true},
	{name: "calculator: 70 x Ú", body: strings.Repeat("Ú", 70), encoding: EncodingUCS2, segments: 1, characters: 70, scalars: 70, messageBits: 1120, totalBits: 1120, perSegment: []int{70}, nonGSM: []string{"Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú"}, full: true},
	{name: "calculator: 71 x Ú", body: strings.Repeat("Ú", 71), encoding: EncodingUCS2, segments: 2, characters: 71, scalars: 71, messageBits: 1136, totalBits: 1232, perSegment: []int{67, 4}, nonGSM: []string{"Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú", "Ú"}, full: true},
	{name: "calculator: 70 x ú", body: strings.Repeat("ú", 70), encoding: EncodingUCS2, segments: 1, characters: 70, scalars: 70, messageBits: 1120, totalBits: 1120, perSegment: []int{70}, nonGSM: []string{"ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú"}, full: true},
	{name: "calculator: 71 x ú", body: strings.Repeat("ú", 71), encoding: EncodingUCS2, segments: 2, characters: 71, scalars: 71, messageBits: 1136, totalBits: 1232, perSegment: []int{67, 4}, nonGSM: []string{"ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú", "ú"}, full: true},
	{name: "calculator: 70 x ç", body: strings.Repeat("ç", 70), encoding: EncodingUCS2, segments: 1, characters: 70, scalars: 70, messageBits: 1120, totalBits: 1120, perSegment: []int{70}, nonGSM: []string{"ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç"}, full: true},
	{name: "calculator: 71 x ç", body: strings.Repeat("ç", 71), encoding: EncodingUCS2, segments: 2, characters: 71, scalars: 71, messageBits: 1136, totalBits: 1232, perSegment: []int{67, 4}, nonGSM: []string{"ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç", "ç"}, full: true},
	{name: "calculator: 70 x í", body: strings.Repeat("í", 70), encoding: EncodingUCS2, segments: 1, characters: 70, scalars: 70, messageBits: 1120, totalBits: 1120, perSegment: []int{70}, nonGSM: []string{"í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í"}, full: true},
	{name: "calculator: 71 x í", body: strings.Repeat("í", 71), encoding: EncodingUCS2, segments: 2, characters: 71, scalars: 71, messageBits: 1136, totalBits: 1232, perSegment: []int{67, 4}, nonGSM: []string{"í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í", "í"}, full: true},
	{name: "calculator: 70 x Í", body: strings.Repeat("Í", 70), encoding: EncodingUCS2, segments: 1, characters: 70, scalars: 70, messageBits: 1120, totalBits: 1120, perSegment: []int{70}, nonGSM: []string{"Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í"}, full: true},
	{name: "calculator: 71 x Í", body: strings.Repeat("Í", 71), encoding: EncodingUCS2, segments: 2, characters: 71, scalars: 71, messageBits: 1136, totalBits: 1232, perSegment: []int{67, 4}, nonGSM: []string{"Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í", "Í"}, full: true},
	{name: "calculator: 70 x ó", body: strings.Repeat("ó", 70), encoding: EncodingUCS2, segments: 1, characters: 70, scalars: 70, messageBits: 1120, totalBits: 1120, perSegment: []int{70}, nonGSM: []string{"ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó"}, full: true},
	{name: "calculator: 71 x ó", body: strings.Repeat("ó", 71), encoding: EncodingUCS2, segments: 2, characters: 71, scalars: 71, messageBits: 1136, totalBits: 1232, perSegment: []int{67, 4}, nonGSM: []string{"ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó", "ó"}, full: true},
	{name: "calculator: 70 x Ó", body: strings.Repeat("Ó", 70), encoding: EncodingUCS2, segments: 1, characters: 70, scalars: 70, messageBits: 1120, totalBits: 1120, perSegment: []int{70}, nonGSM: []string{"Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó"}, full: true},
	{name: "calculator: 71 x Ó", body: strings.Repeat("Ó", 71), encoding: EncodingUCS2, segments: 2, characters: 71, scalars: 71, messageBits: 1136, totalBits: 1232, perSegment: []int{67, 4}, nonGSM: []string{"Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó", "Ó"}, full: true},
	{name: "calculator: emoji + 69 ']' (issue #18)", body: "😀" + strings.Repeat("]", 68), encoding: EncodingUCS2, segments: 1, characters: 69, scalars: 69, messageBits: 1120, totalBits: 1120, perSegment: []int{70}, nonGSM: []string{"😀"}, full: true},
	{name: "calculator: emoji + 70 ']' (issue #18)", body: "😀" + strings.Repeat("]", 69), encoding: EncodingUCS2, segments: 2, characters: 70, scalars: 70, messageBits: 1136, totalBits: 1232, perSegment: []int{67, 4}, nonGSM: []string{"😀"}, full: true},
	{name: "calculator: CRLF count", body: "\rabcde\r\n123", encoding: EncodingGSM7, segments: 1, characters: 11, scalars: 11, messageBits: 77, totalBits: 77, perSegment: []int{11}, nonGSM: []string{}, full: true},
	{name: "calculator: LF count", body: "\nabcde\n\n123\n", encoding: EncodingGSM7, segments: 1, characters: 12, scalars: 12, messageBits: 84, totalBits: 84, perSegment: []int{12}, nonGSM: []string{}, full: true},
	{name: "calculator: triple accent", body: "e\u0301\u0301\u0301", encoding: EncodingUCS2, segments: 1, characters: 1, scalars: 4, messageBits: 64, totalBits: 64, perSegment: []int{4}, nonGSM: []string{"e\u0301\u0301\u0301"}, full: true},
	{name: "calculator: triple accent + 66 a", body: "e\u0301\u0301\u0301" + strings.Repeat("a", 66), encoding: EncodingUCS2, segments: 1, characters: 67, scalars: 70, messageBits: 1120, totalBits: 1120, perSegment: []int{70}, nonGSM: []string{"e\u0301\u0301\u0301"}, full: true},
	{name: "calculator: triple accent + 67 a", body: "e\u0301\u0301\u0301" + strings.Repeat("a", 67), encoding: EncodingUCS2, segments: 2, characters: 68, scalars: 71, messageBits: 1136, totalBits: 1232, perSegment: []int{67, 4}, nonGSM: []string{"e\u0301\u0301\u0301"}, full: true},
	{name: "calculator: getNonGsmCharacters más", body: "más", encoding: EncodingUCS2, segments: 1, characters: 3, scalars: 3, messageBits: 48, totalBits: 48, perSegment: []int{3}, nonGSM: []string{"á"}, full: true},
	{name: "calculator: 307 GSM digits (segments.test.js)", body: strings.Repeat("1234567890", 30) + "1234567", encoding: EncodingGSM7, segments: 3, characters: 307, scalars: 307, messageBits: 2149, totalBits: 2293, perSegment: []int{153, 153, 1}, nonGSM: []string{}, full: true},
	{name: "calculator: UCS-2 ext chars count 1 unit (issue #57)", body: strings.Repeat("|", 24) + "{" + strings.Repeat("|", 28) + "∞" + strings.Repeat("|", 10) + "^|||||", encoding: EncodingUCS2, segments: 1, characters: 70, scalars: 70, messageBits: 1120, totalBits: 1120, perSegment: []int{70}, nonGSM: []string{"∞"}, full: true},
	{name: "calculator: 161 A", body: strings.Repeat("A", 161), encoding: EncodingGSM7, segments: 2, characters: 161, scalars: 161, messageBits: 1127, totalBits: 1223, perSegment: []int{153, 8}, nonGSM: []string{}, full: true},
	{name: "calculator: MY test body (default US rules)", body: "Hi I am john, this is my message in MY sms format é, this should generate to 2 segments and be formatted in UCS-2", encoding: EncodingGSM7, segments: 1, characters: 113, scalars: 113, messageBits: 791, totalBits: 791, perSegment: []int{113}, nonGSM: []string{}, full: true},
	{name: "calculator: smart quotes smart-encoded", body: "“Hello” — it’s …", smart: true, encoding: EncodingGSM7, segments: 1, characters: 18, scalars: 18, messageBits: 126, totalBits: 126, perSegment: []int{18}, nonGSM: []string{}, full: true},
	{name: "calculator: smart quotes raw", body: "“Hello” — it’s …", encoding: EncodingUCS2, segments: 1, characters: 16, scalars: 16, messageBits: 256, totalBits: 256, perSegment: []int{16}, nonGSM: []string{"“", "”", "—", "’", "…"}, full: true},
	{name: "calculator: empty", body: "", encoding: EncodingGSM7, segments: 1, characters: 0, scalars: 0, messageBits: 0, totalBits: 0, perSegment: []int{0}, nonGSM: []string{}, full: true},
	{name: "calculator: ZWJ family emoji", body: "👨\u200D👩\u200D👧\u200D👦", encoding: EncodingUCS2, segments: 1, characters: 1, scalars: 7, messageBits: 176, totalBits: 176, perSegment: []int{11}, nonGSM: []string{"👨\u200D👩\u200D👧\u200D👦"}, full: true},
	{name: "calculator: 153 GSM + escape at boundary", body: strings.Repeat("a", 152) + "€" + strings.Repeat("b", 10), encoding: EncodingGSM7, segments: 2, characters: 164, scalars: 163, messageBits: 1148, totalBits: 1244, perSegment: []int{152, 12}, nonGSM: []string{}, full: true},
	{name: "calculator: 66 UCS-2 + emoji + 10 b (emoji at boundary)", body: strings.Repeat("ж", 66) + "😀" + strings.Repeat("b", 10), encoding: EncodingUCS2, segments: 2, characters: 77, scalars: 77, messageBits: 1248, totalBits: 1344, perSegment: []int{66, 12}, nonGSM: []string{"ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "ж", "😀"}, full: true},
	{name: "live 1a: 80a + CRLF + 79a (mid-message)", body: strings.Repeat("a", 80) + "\r\n" + strings.Repeat("a", 79), encoding: EncodingGSM7, segments: 2, characters: 161},
	{name: "live 1b: 80a + LF + 79a (mid-message)", body: strings.Repeat("a", 80) + "\n" + strings.Repeat("a", 79), encoding: EncodingGSM7, segments: 1, characters: 160},
	{name: "live 1c: 200a + CRLF + 105a", body: strings.Repeat("a", 200) + "\r\n" + strings.Repeat("a", 105), encoding: EncodingGSM7, segments: 3, characters: 307},
	{name: "live 2a: 70 x precomposed U+00E9", body: strings.Repeat("é", 70), encoding: EncodingGSM7, segments: 1, characters: 70},
	{name: "live 2b: 70 x decomposed e+U+0301", body: "e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301", encoding: EncodingUCS2, segments: 3, characters: 70},
	{name: "live 2c: 1 x decomposed e+U+0301", body: "e\u0301", encoding: EncodingUCS2, segments: 1, characters: 1},
	{name: "live 3a: curly quotes U+201C Hi U+201D, smart OFF", body: "“Hi”", encoding: EncodingUCS2, segments: 1, characters: 4},
	{name: "live 3b: curly quotes, smart ON", body: "“Hi”", smart: true, encoding: EncodingGSM7, segments: 1, characters: 4},
	{name: "live 3c: a U+201E b U+200C c, smart OFF", body: "a„b\u200Cc", encoding: EncodingUCS2, segments: 1, characters: 4},
	{name: "live 3d: a U+201E b U+200C c, smart ON", body: "a„b\u200Cc", smart: true, encoding: EncodingGSM7, segments: 1, characters: 4},
	{name: "live 4: U+1F600 + pipe", body: "😀|", encoding: EncodingUCS2, segments: 1, characters: 2},
	{name: "live 5a: 160 x a", body: strings.Repeat("a", 160), encoding: EncodingGSM7, segments: 1, characters: 160},
	{name: "live 5b: 161 x a", body: strings.Repeat("a", 161), encoding: EncodingGSM7, segments: 2, characters: 161},
	{name: "live 5c: 70 x U+4E2D", body: strings.Repeat("中", 70), encoding: EncodingUCS2, segments: 1, characters: 70},
	{name: "live 5d: 71 x U+4E2D", body: strings.Repeat("中", 71), encoding: EncodingUCS2, segments: 2, characters: 71},
	{name: "live 5e: 1 x pipe", body: "|", encoding: EncodingGSM7, segments: 1, characters: 2},
}

// checkAnalysis compares an Analysis with a row's expectations.
func checkAnalysis(t *testing.T, body string, a Analysis, tc twilioCase) {
	t.Helper()
	if a.Encoding != tc.encoding {
		t.Errorf("Analyze(%q).Encoding = %v, want %v", body, a.Encoding, tc.encoding)
	}
	if a.Segments != tc.segments {
		t.Errorf("Analyze(%q).Segments = %d, want %d", body, a.Segments, tc.segments)
	}
	if a.Characters != tc.characters {
		t.Errorf("Analyze(%q).Characters = %d, want %d", body, a.Characters, tc.characters)
	}
	if !tc.full {
		return
	}
	if a.Scalars != tc.scalars {
		t.Errorf("Analyze(%q).Scalars = %d, want %d", body, a.Scalars, tc.scalars)
	}
	if a.MessageBits != tc.messageBits {
		t.Errorf("Analyze(%q).MessageBits = %d, want %d", body, a.MessageBits, tc.messageBits)
	}
	if a.TotalBits != tc.totalBits {
		t.Errorf("Analyze(%q).TotalBits = %d, want %d", body, a.TotalBits, tc.totalBits)
	}
	var per []int
	for s := range a.SplitSeq() {
		per = append(per, s.Units)
	}
	if !slices.Equal(per, tc.perSegment) {
		t.Errorf("Analyze(%q) segment units = %v, want %v", body, per, tc.perSegment)
	}
	var non []string
	for c := range a.NonGSMSeq() {
		non = append(non, c.Text)
	}
	if !slices.Equal(non, tc.nonGSM) && !(len(non) == 0 && len(tc.nonGSM) == 0) {
		t.Errorf("Analyze(%q) non-GSM = %q, want %q", body, non, tc.nonGSM)
	}
}

func TestTwilioCases(t *testing.T) {
	for _, tc := range twilioCases {
		if tc.smart {
			continue // run by TestTwilioSmartCases
		}
		t.Run(tc.name, func(t *testing.T) {
			checkAnalysis(t, tc.body, Analyze(tc.body), tc)
			checkSplit(t, Options{}, tc.body)
		})
	}
}

// checkSplit asserts the invariants of Split: the parts rebuild the body,
// each fits its capacity, none is empty, their units add up, and no escape
// pair, surrogate pair or grapheme cluster straddles two parts.
func checkSplit(t *testing.T, o Options, body string) {
	t.Helper()
	a, err := o.Analyze(body)
	if err != nil {
		t.Fatalf("Options%+v.Analyze(%q): %v", o, body, err)
	}
	segs, err := o.Split(body)
	if err != nil {
		t.Fatalf("Options%+v.Split(%q): %v", o, body, err)
	}
	if len(segs) != a.Segments {
		t.Fatalf("len(Split(%q)) = %d, want Segments %d", body, len(segs), a.Segments)
	}
	var b strings.Builder
	units := 0
	for i, s := range segs {
		if s.Index != i || s.Offset != b.Len() {
			t.Errorf("Split(%q)[%d] Index, Offset = %d, %d, want %d, %d", body, i, s.Index, s.Offset, i, b.Len())
		}
		b.WriteString(s.Text)
		units += s.Units
		if s.Units > s.Capacity || s.Capacity != a.Capacity {
			t.Errorf("Split(%q)[%d] = %d/%d units, analysis capacity %d", body, i, s.Units, s.Capacity, a.Capacity)
		}
		if len(segs) > 1 && s.Units == 0 {
			t.Errorf("Split(%q)[%d] is empty", body, i)
		}
	}
	if b.String() != body {
		t.Fatalf("Split(%q) joined = %q", body, b.String())
	}
	if units != a.Units {
		t.Errorf("Split(%q) units add up to %d, want %d", body, units, a.Units)
	}
	if last := segs[len(segs)-1].Units; a.LastUnits != last {
		t.Errorf("Analyze(%q).LastUnits = %d, last segment holds %d", body, a.LastUnits, last)
	}
	runeStart := map[int]bool{}
	for i := range body {
		runeStart[i] = true
	}
	for i := 1; i < len(segs); i++ {
		cut := segs[i].Offset
		if !runeStart[cut] {
			t.Errorf("Split(%q) cuts inside a rune at byte %d", body, cut)
		}
		if a.Encoding == EncodingUCS2 && !isCut(body, cut) {
			// Only an oversized cluster may be cut inside.
			start, end := clusterAround(body, cut)
			if u := ucs2Units(body[start:end]); u <= a.Capacity {
				t.Errorf("Split(%q) cuts the %d-unit cluster %q at byte %d", body, u, body[start:end], cut)
			}
		}
	}
}

// isCut reports whether a UCS-2 part may start at byte i: at a grapheme
// boundary, or between CR and LF.
func isCut(s string, i int) bool {
	if i > 0 && s[i-1] == '\r' && s[i] == '\n' {
		return true
	}
	start, _ := clusterAround(s, i)
	return start == i
}

// clusterAround returns the grapheme cluster (by uniseg alone) that holds
// byte i.
func clusterAround(s string, i int) (start, end int) {
	for _, c := range refClusters(s) {
		if i >= c[0] && i < c[1] {
			return c[0], c[1]
		}
	}
	return len(s), len(s)
}

func ucs2Units(s string) int {
	n := 0
	for _, r := range s {
		n += grapheme.UTF16Units(r)
	}
	return n
}

func TestAnalyzeCases(t *testing.T) {
	zwj30 := strings.Repeat("👩\u200D", 29) + "👩" // one cluster of 59 runes, 89 units
	tests := []struct {
		name       string
		opts       Options
		body       string
		encoding   Encoding
		segments   int
		units      int
		characters int
		graphemes  int
		scalars    int
		nonGSM     int
		invalid    int
		perSegment []int
	}{
		{name: "empty", body: "", encoding: EncodingGSM7, segments: 1, perSegment: []int{0}},
		{name: "Ç is GSM-7", body: "Ç", encoding: EncodingGSM7, segments: 1, units: 1, characters: 1, graphemes: 1, scalars: 1, perSegment: []int{1}},
		{name: "ç is not", body: "ç", encoding: EncodingUCS2, segments: 1, units: 1, characters: 1, graphemes: 1, scalars: 1, nonGSM: 1, perSegment: []int{1}},
		{name: "backtick is not", body: "`", encoding: EncodingUCS2, segments: 1, units: 1, characters: 1, graphemes: 1, scalars: 1, nonGSM: 1, perSegment: []int{1}},
		{name: "NUL forces UCS-2", body: "a\x00b", encoding: EncodingUCS2, segments: 1, units: 3, characters: 3, graphemes: 3, scalars: 3, nonGSM: 1, perSegment: []int{3}},
		{name: "tab forces UCS-2", body: "a\tb", encoding: EncodingUCS2, segments: 1, units: 3, characters: 3, graphemes: 3, scalars: 3, nonGSM: 1, perSegment: []int{3}},
		{name: "DEL forces UCS-2", body: "abcdefgh\x7f", encoding: EncodingUCS2, segments: 1, units: 9, characters: 9, graphemes: 9, scalars: 9, nonGSM: 1, perSegment: []int{9}},
		{name: "form feed costs 2", body: "\f", encoding: EncodingGSM7, segments: 1, units: 2, characters: 2, graphemes: 1, scalars: 1, perSegment: []int{2}},
		{name: "all extension chars", body: "\f^{}\\[~]|€", encoding: EncodingGSM7, segments: 1, units: 20, characters: 20, graphemes: 10, scalars: 10, perSegment: []int{20}},
		{name: "160 septets with extension", body: strings.Repeat("€", 80), encoding: EncodingGSM7, segments: 1, units: 160, characters: 160, graphemes: 80, scalars: 80, perSegment: []int{160}},
		{name: "escape moves whole at 153", body: strings.Repeat("a", 152) + "€" + strings.Repeat("a", 10), encoding: EncodingGSM7, segments: 2, units: 164, characters: 164, graphemes: 163, scalars: 163, perSegment: []int{152, 12}},
		{name: "escape moves whole in a word", body: strings.Repeat("abcdefgh", 19) + "[" + strings.Repeat("x", 15), encoding: EncodingGSM7, segments: 2, units: 169, characters: 169, graphemes: 168, scalars: 168, perSegment: []int{152, 17}},
		{name: "CRLF may be cut", body: strings.Repeat("a", 152) + "\r\n" + strings.Repeat("a", 10), encoding: EncodingGSM7, segments: 2, units: 164, characters: 164, graphemes: 163, scalars: 164, perSegment: []int{153, 11}},
		{name: "CRLF cut in UCS-2", body: "ж" + strings.Repeat("a", 65) + "\r\n" + "aaaaa", encoding: EncodingUCS2, segments: 2, units: 73, characters: 73, graphemes: 72, scalars: 73, nonGSM: 1, perSegment: []int{67, 6}},
		{name: "surrogate pair moves whole", body: "ж" + strings.Repeat("a", 65) + "😀" + "aaaaa", encoding: EncodingUCS2, segments: 2, units: 73, characters: 72, graphemes: 72, scalars: 72, nonGSM: 2, perSegment: []int{66, 7}},
		{name: "combining mark moves with its base", body: "ж" + strings.Repeat("a", 65) + "e\u0301" + "aaaaa", encoding: EncodingUCS2, segments: 2, units: 73, characters: 72, graphemes: 72, scalars: 73, nonGSM: 2, perSegment: []int{66, 7}},
		{name: "flag moves whole", body: strings.Repeat("ж", 64) + "🇫🇷" + "aaaaa", encoding: EncodingUCS2, segments: 2, units: 73, characters: 70, graphemes: 70, scalars: 71, nonGSM: 65, perSegment: []int{64, 9}},
		{name: "lone regional indicators pair up", body: "🇫🇷🇩", encoding: EncodingUCS2, segments: 1, units: 6, characters: 2, graphemes: 2, scalars: 3, nonGSM: 2, perSegment: []int{6}},
		{name: "Hangul syllables stay apart", body: "한국어", encoding: EncodingUCS2, segments: 1, units: 3, characters: 3, graphemes: 3, scalars: 3, nonGSM: 3, perSegment: []int{3}},
		{name: "Hangul jamo join", body: "\u1100\u1161\u11A8", encoding: EncodingUCS2, segments: 1, units: 3, characters: 1, graphemes: 1, scalars: 3, nonGSM: 1, perSegment: []int{3}},
		{name: "prepend joins an ASCII digit", body: "\u0600" + "1", encoding: EncodingUCS2, segments: 1, units: 2, characters: 1, graphemes: 1, scalars: 2, nonGSM: 1, perSegment: []int{2}},
		// Unicode 15.0 (uniseg v0.4.7) has no GB9c: a conjunct is two clusters.
		{name: "Devanagari virama", body: "क्षि", encoding: EncodingUCS2, segments: 1, units: 4, characters: 2, graphemes: 2, scalars: 4, nonGSM: 2, perSegment: []int{4}},
		{name: "oversized cluster in one segment", body: zwj30[:len("👩\u200D")*22] + "👩", encoding: EncodingUCS2, segments: 1, units: 68, characters: 1, graphemes: 1, scalars: 45, nonGSM: 1, perSegment: []int{68}},
		{name: "oversized cluster is cut between code points", body: zwj30, encoding: EncodingUCS2, segments: 2, units: 89, characters: 1, graphemes: 1, scalars: 59, nonGSM: 1, perSegment: []int{66, 23}},
		{name: "oversized cluster after text fills the segment", body: strings.Repeat("ж", 60) + zwj30, encoding: EncodingUCS2, segments: 3, units: 149, characters: 61, graphemes: 61, scalars: 119, nonGSM: 61, perSegment: []int{66, 66, 17}},
		{name: "invalid byte is U+FFFD", body: "ab\xffcd", encoding: EncodingUCS2, segments: 1, units: 5, characters: 5, graphemes: 5, scalars: 5, nonGSM: 1, invalid: 1, perSegment: []int{5}},
		{name: "truncated rune is one invalid byte each", body: "\xe2\x82", encoding: EncodingUCS2, segments: 1, units: 2, characters: 2, graphemes: 2, scalars: 2, nonGSM: 2, invalid: 2, perSegment: []int{2}},
		{name: "invalid byte before a combining mark", body: "\xff\u0301", encoding: EncodingUCS2, segments: 1, units: 2, characters: 1, graphemes: 1, scalars: 2, nonGSM: 1, invalid: 1, perSegment: []int{2}},
		{name: "forced UCS-2", opts: Options{Encoding: EncodingUCS2}, body: "hello€", encoding: EncodingUCS2, segments: 1, units: 6, characters: 6, graphemes: 6, scalars: 6, perSegment: []int{6}},
		{name: "forced GSM-7 on GSM-7", opts: Options{Encoding: EncodingGSM7}, body: "hello€", encoding: EncodingGSM7, segments: 1, units: 7, characters: 7, graphemes: 6, scalars: 6, perSegment: []int{7}},
		{name: "UDH16 GSM-7", opts: Options{UDH16: true}, body: strings.Repeat("a", 305), encoding: EncodingGSM7, segments: 3, units: 305, characters: 305, graphemes: 305, scalars: 305, perSegment: []int{152, 152, 1}},
		{name: "UDH16 UCS-2", opts: Options{UDH16: true}, body: strings.Repeat("ж", 133), encoding: EncodingUCS2, segments: 3, units: 133, characters: 133, graphemes: 133, scalars: 133, nonGSM: 133, perSegment: []int{66, 66, 1}},
		{name: "UDH16 single segment unchanged", opts: Options{UDH16: true}, body: strings.Repeat("a", 160), encoding: EncodingGSM7, segments: 1, units: 160, characters: 160, graphemes: 160, scalars: 160, perSegment: []int{160}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := tc.opts.Analyze(tc.body)
			if err != nil {
				t.Fatalf("Options%+v.Analyze(%q): %v", tc.opts, tc.body, err)
			}
			if a.Encoding != tc.encoding {
				t.Errorf("Analyze(%q).Encoding = %v, want %v", tc.body, a.Encoding, tc.encoding)
			}
			if a.Segments != tc.segments {
				t.Errorf("Analyze(%q).Segments = %d, want %d", tc.body, a.Segments, tc.segments)
			}
			if a.Units != tc.units {
				t.Errorf("Analyze(%q).Units = %d, want %d", tc.body, a.Units, tc.units)
			}
			if a.Characters != tc.characters {
				t.Errorf("Analyze(%q).Characters = %d, want %d", tc.body, a.Characters, tc.characters)
			}
			if a.Graphemes != tc.graphemes {
				t.Errorf("Analyze(%q).Graphemes = %d, want %d", tc.body, a.Graphemes, tc.graphemes)
			}
			if a.Scalars != tc.scalars {
				t.Errorf("Analyze(%q).Scalars = %d, want %d", tc.body, a.Scalars, tc.scalars)
			}
			if a.NonGSM != tc.nonGSM {
				t.Errorf("Analyze(%q).NonGSM = %d, want %d", tc.body, a.NonGSM, tc.nonGSM)
			}
			if a.Invalid != tc.invalid {
				t.Errorf("Analyze(%q).Invalid = %d, want %d", tc.body, a.Invalid, tc.invalid)
			}
			var per []int
			for s := range a.SplitSeq() {
				per = append(per, s.Units)
			}
			if !slices.Equal(per, tc.perSegment) {
				t.Errorf("Analyze(%q) segment units = %v, want %v", tc.body, per, tc.perSegment)
			}
			checkSplit(t, tc.opts, tc.body)
		})
	}
}

func TestNonGSMOffsets(t *testing.T) {
	body := "Hi “Bob” — ça va? \xff 👍🏽"
	var got []Char
	got = Analyze(body).AppendNonGSM(got)
	want := []Char{
		{Offset: 3, Text: "“", Units: 1},
		{Offset: 9, Text: "”", Units: 1},
		{Offset: 13, Text: "—", Units: 1},
		{Offset: 17, Text: "ç", Units: 1},
		{Offset: 25, Text: "\xff", Units: 1, Invalid: true},
		{Offset: 27, Text: "👍🏽", Units: 4},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Analyze(%q).AppendNonGSM = %+v, want %+v", body, got, want)
	}
	if a := Analyze(body); a.FirstNonGSM != 3 || a.NonGSM != 6 || a.Invalid != 1 {
		t.Errorf("Analyze(%q) FirstNonGSM, NonGSM, Invalid = %d, %d, %d, want 3, 6, 1", body, a.FirstNonGSM, a.NonGSM, a.Invalid)
	}
}

func TestForcedGSM7Error(t *testing.T) {
	_, err := Options{Encoding: EncodingGSM7}.Analyze("naïve `x` 😀")
	if !errors.Is(err, ErrNotGSM7) {
		t.Fatalf("forced GSM-7 error = %v, want ErrNotGSM7", err)
	}
	var ee *EncodingError
	if !errors.As(err, &ee) {
		t.Fatalf("forced GSM-7 error %T is not *EncodingError", err)
	}
	want := []Char{{Offset: 2, Text: "ï", Units: 1}, {Offset: 7, Text: "`", Units: 1}, {Offset: 9, Text: "`", Units: 1}, {Offset: 11, Text: "😀", Units: 2}}
	if !slices.Equal(ee.Chars, want) {
		t.Errorf("EncodingError.Chars = %+v, want %+v", ee.Chars, want)
	}
	if !strings.Contains(err.Error(), `"\u00ef" at byte 2`) {
		t.Errorf("error text %q does not name the character and its offset", err)
	}
	if _, err := (Options{Encoding: EncodingGSM7}).Split("ж"); !errors.Is(err, ErrNotGSM7) {
		t.Errorf("Options{GSM7}.Split(\"ж\") error = %v, want ErrNotGSM7", err)
	}
}

func TestInvalidOptions(t *testing.T) {
	_, err := Options{Encoding: 7}.Analyze("x")
	var oe *OptionError
	if !errors.Is(err, ErrInvalidOption) || !errors.As(err, &oe) || oe.Option != "Encoding" {
		t.Errorf("Options{Encoding: 7}.Analyze error = %v, want *OptionError for Encoding", err)
	}
	if _, err := ParseEncoding("utf-8"); !errors.Is(err, ErrInvalidOption) {
		t.Errorf("ParseEncoding(\"utf-8\") error = %v, want ErrInvalidOption", err)
	}
	for in, want := range map[string]Encoding{"": EncodingAuto, "auto": EncodingAuto, "GSM-7": EncodingGSM7, "gsm7": EncodingGSM7, "UCS-2": EncodingUCS2, "ucs2": EncodingUCS2} {
		if got, err := ParseEncoding(in); err != nil || got != want {
			t.Errorf("ParseEncoding(%q) = %v, %v, want %v", in, got, err, want)
		}
	}
	if b, err := EncodingUCS2.MarshalText(); err != nil || string(b) != "UCS-2" {
		t.Errorf("EncodingUCS2.MarshalText() = %q, %v", b, err)
	}
	var e Encoding
	if err := e.UnmarshalText([]byte("GSM-7")); err != nil || e != EncodingGSM7 {
		t.Errorf("UnmarshalText(GSM-7) = %v, %v", e, err)
	}
}

func TestAnalyzeBytesMatches(t *testing.T) {
	for _, tc := range twilioCases {
		a, b := Analyze(tc.body), AnalyzeBytes([]byte(tc.body))
		a.body, b.body = "", ""
		if a != b {
			t.Errorf("AnalyzeBytes(%q) = %+v, Analyze = %+v", tc.body, b, a)
		}
	}
}

// TestLongBodies runs pathological bodies of about 2 MB: were any path
// quadratic, the test would not finish. Each must also rebuild itself.
func TestLongBodies(t *testing.T) {
	const n = 1 << 19
	tests := []struct{ name, unit string }{
		{name: "one huge cluster of marks", unit: "\u0301"},
		{name: "ZWJ chain", unit: "👩\u200D"},
		{name: "regional indicators", unit: "🇫"},
		{name: "prepend marks", unit: "\u0600"},
		{name: "Hangul jamo", unit: "\u1100"},
		{name: "CRLF", unit: "\r\n"},
		{name: "escapes", unit: "€"},
		{name: "invalid bytes", unit: "\xff"},
		{name: "mixed joiners", unit: "a\u0301🇫\u200D👍🏽\u0600x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := "x" + strings.Repeat(tc.unit, n/len(tc.unit))
			a := Analyze(body)
			segs := Split(body)
			if len(segs) != a.Segments {
				t.Fatalf("len(Split) = %d, Segments = %d", len(segs), a.Segments)
			}
			var b strings.Builder
			for _, s := range segs {
				b.WriteString(s.Text)
				if s.Units > s.Capacity || s.Units == 0 {
					t.Fatalf("segment %d holds %d/%d units", s.Index, s.Units, s.Capacity)
				}
			}
			if b.String() != body {
				t.Fatal("segments do not rebuild the body")
			}
		})
	}
}
