// Package corpus generates testdata/corpus/mixed.txt, a corpus of SMS
// bodies for benchmarks: templates written for it, filled from a random
// source with a fixed seed, so that the same bodies come out every time.
//
// The mix is an assumption about application-to-person traffic, not a
// measurement; it is chosen so that no one shape dominates and each fast
// path and slow path of the calculator is exercised in the proportion a
// busy international sender would see:
//
//   - 30% one-time codes (GSM-7, short, ASCII): authentication is the
//     largest single use of A2P SMS, and its bodies are the shortest.
//   - 20% notifications (orders, appointments, payments) written in English
//     with typographic apostrophes and quotes, dashes or an ellipsis, which
//     editors and templates insert and which force UCS-2.
//   - 15% marketing in English with emoji, skin tones, ZWJ sequences and
//     flags, often two or three segments.
//   - 35% notices in other scripts, by the rough weight of their senders:
//     8% Cyrillic (Russian, Ukrainian), 7% CJK (Chinese, Japanese, a little
//     Korean), 6% Arabic (some with vowel marks), 5% Hindi (Devanagari,
//     with its combining vowel signs and viramas), 5% Turkish (Latin with
//     ş ğ ı İ, which GSM-7 lacks) and 4% Thai (combining vowels and tone
//     marks).
//
// Counts are exact (2,000 bodies: 600, 400, 300, 160, 140, 120, 100, 100,
// 80) and the bodies are shuffled. Codes, numbers, dates, names and brands
// are random; the brands and names are invented.
package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Seed is the fixed seed of the generator.
const Seed = 20250101

// category is one kind of body: its count and its templates. A template's
// {slots} are filled by fill.
type category struct {
	name      string
	count     int
	templates []string
}

var categories = []category{
	{"otp", 600, []string{
		"Your {brand} verification code is {code}. It expires in {min} minutes.",
		"{code} is your {brand} login code. Don't share it with anyone.",
		"{brand}: Use {code} to verify your account. If you didn't request this, ignore this message.",
		"<#> {brand} code: {code}\n{hash}",
		"Your one-time passcode is {code}",
		"{brand} security code: {code}. Never share this code, not even with {brand} staff.",
		"Use code {code} to sign in to {brand}. Valid for {min} min.",
		"{code}",
	}},
	{"notification", 400, []string{
		"Hi {name}, your order #{num} has shipped! Track it here: {url}. We’re excited for you to try it.",
		"{brand}: “{item}” is back in stock. Reply STOP to opt out.",
		"Your appointment with Dr. {last} is confirmed for {date} at {time}. Can’t make it? Reply C to cancel.",
		"{name}, don’t forget: your {brand} payment of ${amt} is due {date}.",
		"{brand} – your table for {n} at {time} is ready… see you soon!",
		"Delivery update: your parcel {num} will arrive {date} between {time} and {time2}. Details: {url}",
		"We’ve received your return for order #{num}. Your refund of ${amt} will post in 3–5 business days.",
		"{brand} alert: a charge of ${amt} at “{item}” was made on your card ending {last4}. Wasn’t you? Call {phone}.",
	}},
	{"marketing", 300, []string{
		"🎉 {brand} SALE! Up to {pct}% off everything this weekend only 🛍️ Shop now: {url} Reply STOP to opt out",
		"{flag}{flag} Free shipping to {country} & {country2}! Use code {promo} at checkout 🚚💨",
		"Happy birthday {name}! 🎂🎁 Here's {pct}% off your next order: {promo}. Valid until {date}.",
		"👨‍👩‍👧 The {brand} family plan is here: {n} lines for ${amt}/mo ❤️ Switch today 👉 {url}",
		"🔥 Last chance! {item} now ${amt} (was ${amt2}) 😍 {url} {emoji}{emoji}",
		"{brand} Rewards: you've earned {n} points 🏆👍🏽 Redeem them before {date}! {url}",
		"{emoji} Weekend in {country}? {flag} Flights from ${amt}, hotels from ${amt2}/night ✈️🏨 Book: {url} Msg&data rates may apply. Reply STOP to cancel.",
		"It's {brand} Friday 🙌🏼 Buy one {item}, get one free 🍕🍕 Today only at all locations in {country} {flag}. Show this text at the counter. {emoji}",
	}},
	{"cyrillic", 160, []string{
		"Ваш код подтверждения: {code}. Никому его не сообщайте.",
		"Заказ №{num} передан в доставку. Курьер приедет {date} с {hour}:00 до {hour2}:00.",
		"Списание {amt} ₽ по карте *{last4}. Баланс: {amt2} ₽.",
		"Напоминаем о записи к врачу {date} в {time}. Для отмены ответьте НЕТ.",
		"{brand}: ваш заказ №{num} готов к выдаче в пункте на ул. Ленина, {n}. Срок хранения — 5 дней.",
		"Ваше замовлення №{num} готове до видачі. Код отримання: {code}.",
		"Уважаемый клиент! С {date} изменяются тарифы на обслуживание. Подробности на сайте {url} или по телефону {phone}.",
	}},
	{"cjk", 140, []string{
		"【{brand}】您的验证码是{code}，5分钟内有效，请勿泄露。",
		"您的订单{num}已发货，预计{date}送达，请保持电话畅通。",
		"【{brand}】尊敬的客户，您本月账单金额为{amt}元，请于{date}前还款。",
		"【{brand}】認証コードは{code}です。有効期限は10分です。",
		"ご予約は{date} {time}です。変更・キャンセルはこちら：{url}",
		"お荷物のお届け予定日は{date}です。不在の場合は再配達をご依頼ください。",
		"[{brand}] 인증번호는 {code}입니다. 타인에게 알려주지 마세요.",
	}},
	{"arabic", 120, []string{
		"رمز التحقق الخاص بك هو {code}. لا تشاركه مع أي شخص.",
		"تم شحن طلبك رقم {num} وسيصل خلال {n} أيام.",
		"تم خصم {amt} ريال من بطاقتك المنتهية بـ {last4}. الرصيد المتاح: {amt2} ريال.",
		"موعدك يوم {date} الساعة {time}. للإلغاء أرسل ٠.",
		"شُكْرًا لِتَسَوُّقِكَ مَعَ {brand}! رَقْمُ طَلَبِكَ {num}.",
		"عميلنا العزيز، فاتورتك لشهر {month} بقيمة {amt} درهم جاهزة. ادفع الآن: {url}",
	}},
	{"hindi", 100, []string{
		"आपका ओटीपी {code} है। इसे किसी के साथ साझा न करें।",
		"आपका ऑर्डर {num} भेज दिया गया है और {date} तक पहुँच जाएगा।",
		"आपके खाते से ₹{amt} निकाले गए। शेष राशि ₹{amt2} है।",
		"प्रिय ग्राहक, आपकी बिजली बिल राशि ₹{amt} की अंतिम तिथि {date} है। भुगतान करें: {url}",
		"{brand}: आपकी अपॉइंटमेंट {date} को {time} बजे पक्की हो गई है।",
	}},
	{"turkish", 100, []string{
		"Doğrulama kodunuz {code}. Bu kodu kimseyle paylaşmayın.",
		"Siparişiniz {num} kargoya verildi. Tahmini teslim: {date}.",
		"Hesabınızdan {amt} TL çekildi. Kalan bakiye: {amt2} TL.",
		"Randevunuz {date} saat {time}'da. İptal için İPTAL yazıp gönderin.",
		"{brand}: Değerli müşterimiz, ödemeniz başarıyla alındı. Teşekkür ederiz, iyi günler dileriz.",
		"Şifrenizi sıfırlamak için {code} kodunu kullanın. Kod {min} dakika geçerlidir.",
	}},
	{"thai", 80, []string{
		"รหัส OTP ของคุณคือ {code} ห้ามเปิดเผยรหัสนี้แก่ผู้อื่น",
		"คำสั่งซื้อ {num} ของคุณถูกจัดส่งแล้ว จะถึงภายใน {n} วัน",
		"ยืนยันการนัดหมายวันที่ {date} เวลา {time} น. หากต้องการยกเลิกกรุณาติดต่อ {phone}",
		"{brand}: ขอบคุณที่ใช้บริการ ยอดชำระของคุณคือ {amt} บาท",
	}},
}

var (
	brands    = []string{"Acme", "Northwind", "Globex", "Initech", "Contoso", "Tailspin", "Fabrikam", "Wingtip", "Lumen", "Orbita"}
	names     = []string{"Alex", "Sam", "Maria", "Jordan", "Priya", "Chen", "Fatima", "Lukas", "Aisha", "Tom", "Noor", "Elena"}
	lasts     = []string{"Patel", "Garcia", "Smith", "Nguyen", "Okafor", "Rossi", "Kim", "Novak"}
	items     = []string{"Classic Tee", "Trail Runner 2", "Oat Latte", "Desk Lamp", "Noise-Free Buds", "Chef's Knife", "Pepperoni Pizza", "Yoga Mat"}
	countries = []string{"the US", "the UK", "Canada", "France", "Germany", "Spain", "Italy", "Japan", "Brazil", "Mexico"}
	flags     = []string{"🇺🇸", "🇬🇧", "🇨🇦", "🇫🇷", "🇩🇪", "🇪🇸", "🇮🇹", "🇯🇵", "🇧🇷", "🇲🇽", "🇮🇳", "🇹🇷"}
	emoji     = []string{"😀", "😂", "🥳", "✨", "💯", "🙏", "👏🏻", "👍🏿", "🤩", "💪🏽", "☀️", "❤️", "🧑‍💻", "🏳️‍🌈", "⭐"}
	months    = []string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو"}
)

// fill replaces each {slot} of t with a random value.
func fill(r *rand.Rand, t string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		j := strings.IndexByte(t[i:], '}')
		b.WriteString(t[:i])
		b.WriteString(slot(r, t[i+1:i+j]))
		t = t[i+j+1:]
	}
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

func slot(r *rand.Rand, name string) string {
	switch name {
	case "brand":
		return pick(r, brands)
	case "name":
		return pick(r, names)
	case "last":
		return pick(r, lasts)
	case "item":
		return pick(r, items)
	case "country", "country2":
		return pick(r, countries)
	case "flag":
		return pick(r, flags)
	case "emoji":
		return pick(r, emoji)
	case "month":
		return pick(r, months)
	case "code":
		if r.IntN(2) == 0 {
			return fmt.Sprintf("%04d", r.IntN(10000))
		}
		return fmt.Sprintf("%06d", r.IntN(1000000))
	case "hash":
		const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
		h := make([]byte, 11)
		for i := range h {
			h[i] = a[r.IntN(len(a))]
		}
		return string(h)
	case "num":
		return strconv.Itoa(100000 + r.IntN(9000000))
	case "last4":
		return fmt.Sprintf("%04d", r.IntN(10000))
	case "min":
		return strconv.Itoa(5 + 5*r.IntN(3))
	case "n":
		return strconv.Itoa(2 + r.IntN(9))
	case "pct":
		return strconv.Itoa(10 + 5*r.IntN(11))
	case "amt", "amt2":
		return fmt.Sprintf("%d.%02d", 1+r.IntN(2000), r.IntN(100))
	case "promo":
		return fmt.Sprintf("SAVE%d", 10+r.IntN(90))
	case "date":
		return fmt.Sprintf("%02d.%02d", 1+r.IntN(28), 1+r.IntN(12))
	case "time", "time2":
		return fmt.Sprintf("%d:%02d", 8+r.IntN(12), 15*r.IntN(4))
	case "hour", "hour2":
		return strconv.Itoa(8 + r.IntN(12))
	case "phone":
		return fmt.Sprintf("+1 800 %03d %04d", r.IntN(1000), r.IntN(10000))
	case "url":
		return fmt.Sprintf("https://%s.example/%x", strings.ToLower(pick(r, brands)), r.Uint32()&0xFFFFFF)
	}
	panic("corpus: unknown slot {" + name + "}")
}

// Bodies returns the corpus, in its fixed order.
func Bodies() []string {
	r := rand.New(rand.NewPCG(Seed, Seed))
	var out []string
	for _, c := range categories {
		for range c.count {
			body := fill(r, pick(r, c.templates))
			// A third of the longer kinds run to two or three sentences.
			if c.name != "otp" && r.IntN(3) == 0 {
				for range 1 + r.IntN(2) {
					body += " " + fill(r, pick(r, c.templates))
				}
			}
			out = append(out, body)
		}
	}
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// Format writes bodies one a line, each as a Go string literal.
func Format(bodies []string) []byte {
	var b bytes.Buffer
	b.WriteString("# SMS bodies for benchmarks, one Go string literal a line. Generated by internal/gen/corpus; do not edit.\n")
	for _, s := range bodies {
		b.WriteString(strconv.Quote(s))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// Parse reads what Format writes.
func Parse(data []byte) ([]string, error) {
	var out []string
	for n, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		s, err := strconv.Unquote(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", n+1, err)
		}
		out = append(out, s)
	}
	return out, nil
}
