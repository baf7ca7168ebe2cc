package lists

import (
	"strconv"
	"strings"
)

// isoDate turns the date shapes list files print into ISO 8601 (YYYY,
// YYYY-MM or YYYY-MM-DD), so listing dates sort and compare across lists:
//
//	2011-02-28, 2011-02, 2011    ISO, full or partial
//	28.2.2011, 28/02/2011        day first (EU and UK usage)
//	02/28/2011                   month first (US usage, when the day is > 12 or mdy is set)
//	2 December 1985, 26 Feb. 2011, 10 Dec 1948
//
// It returns "" for anything else ("circa 1950", "Approximately 1952"):
// the raw value stays with the entry.
func isoDate(s string, mdy bool) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		s = s[:10] // "2011-02-28T00:00:00Z"
	}
	if y, rest, ok := cutInt(s, 4); ok && len(s) == 4 || ok && rest != "" && rest[0] == '-' {
		if rest == "" {
			return ymd(y, 0, 0)
		}
		m, rest, ok := cutInt(rest[1:], 2)
		if !ok {
			return ""
		}
		if rest == "" {
			return ymd(y, m, 0)
		}
		if rest[0] != '-' {
			return ""
		}
		d, rest, ok := cutInt(rest[1:], 2)
		if !ok || rest != "" {
			return ""
		}
		return ymd(y, m, d)
	}
	for _, sep := range []string{".", "/"} {
		parts := strings.Split(s, sep)
		if len(parts) != 3 {
			continue
		}
		a, err1 := strconv.Atoi(parts[0])
		b, err2 := strconv.Atoi(parts[1])
		y, err3 := strconv.Atoi(parts[2])
		if err1 != nil || err2 != nil || err3 != nil || len(parts[2]) != 4 {
			return ""
		}
		d, m := a, b
		if mdy && b <= 31 || a <= 12 && b > 12 {
			d, m = b, a
		}
		return ymd(y, m, d)
	}
	f := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if len(f) == 3 {
		d, err1 := strconv.Atoi(f[0])
		y, err2 := strconv.Atoi(f[2])
		m := monthNumber(f[1])
		if err1 == nil && err2 == nil && m > 0 && len(f[2]) == 4 {
			return ymd(y, m, d)
		}
	}
	return ""
}

func cutInt(s string, n int) (int, string, bool) {
	if len(s) < n || !isDigits(s[:n]) {
		return 0, s, false
	}
	v, _ := strconv.Atoi(s[:n])
	return v, s[n:], true
}

// ymd formats a date, or "" when it is not a calendar date; 0 month or day
// leave that part out.
func ymd(y, m, d int) string {
	if y < 1000 || y > 9999 || m < 0 || m > 12 || d < 0 || d > 31 || m == 0 && d != 0 {
		return ""
	}
	if d > daysIn(y, m) {
		return ""
	}
	out := strconv.Itoa(y)
	if m > 0 {
		out += "-" + pad2(m)
	}
	if d > 0 {
		out += "-" + pad2(d)
	}
	return out
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

var months = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	"january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8, "september": 9,
	"october": 10, "november": 11, "december": 12,
}

func monthNumber(s string) int {
	return months[strings.ToLower(strings.TrimSuffix(s, "."))]
}
