package fetch

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// listServer serves fixture lists over TLS with ETags, and counts requests.
type listServer struct {
	mu       sync.Mutex
	files    map[string][]byte
	requests map[string][]string // path → If-None-Match values seen
}

func newListServer(t *testing.T) (*listServer, *httptest.Server) {
	ls := &listServer{files: map[string][]byte{}, requests: map[string][]string{}}
	for name, fixture := range map[string]string{
		"/SDN.CSV":          "../testdata/ofac_sdn/sdn.csv",
		"/ALT.CSV":          "../testdata/ofac_sdn/alt.csv",
		"/consolidated.xml": "../testdata/un/consolidated.xml",
	} {
		b, err := os.ReadFile(fixture)
		if err != nil {
			t.Fatal(err)
		}
		ls.files[name] = b
	}
	ls.files["/error.html"] = []byte("<!DOCTYPE html><html><body>Service unavailable</body></html>")
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ls.mu.Lock()
		defer ls.mu.Unlock()
		ls.requests[r.URL.Path] = append(ls.requests[r.URL.Path], r.Header.Get("If-None-Match"))
		if r.URL.Path == "/redirect" {
			http.Redirect(w, r, "http://example.com/SDN.CSV", http.StatusFound)
			return
		}
		b, ok := ls.files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		etag := `"` + strings.TrimPrefix(r.URL.Path, "/") + "-" + string(rune('0'+len(b)%10)) + `"`
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", "Fri, 03 May 2024 00:00:00 GMT")
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	return ls, srv
}

func TestFetchConditionalAndAtomic(t *testing.T) {
	ls, srv := newListServer(t)
	dir := t.TempDir()
	clock := time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC)
	opts := Options{
		Dir: dir, Client: srv.Client(), Now: func() time.Time { return clock },
		Sources: []Source{
			{"ofac_sdn", srv.URL + "/SDN.CSV", "sdn.csv"},
			{"ofac_sdn_alt", srv.URL + "/ALT.CSV", "alt.csv"},
			{"un_sc", srv.URL + "/consolidated.xml", "un.xml"},
		},
	}
	m, res, err := Fetch(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Status != "updated" {
			t.Errorf("%s: %s %v", r.Source.Name, r.Status, r.Err)
		}
	}
	if len(m.Records) != 3 {
		t.Fatalf("manifest %+v", m)
	}
	sdn := m.Records[0]
	// sdn.csv is counted with its alt.csv beside it; alt.csv is a companion.
	if sdn.Entries != 6 || sdn.Format != "ofac-sdn-csv" || len(sdn.SHA256) != 64 || sdn.ETag == "" || !sdn.FetchedAt.Equal(clock) {
		t.Errorf("sdn record %+v", sdn)
	}
	if m.Records[1].Entries != 0 || m.Records[1].Format != "" || m.Records[2].Entries != 2 {
		t.Errorf("records %+v", m.Records)
	}
	got, err := os.ReadFile(filepath.Join(dir, "sdn.csv"))
	if err != nil || string(got) != string(ls.files["/SDN.CSV"]) {
		t.Fatalf("sdn.csv not saved as served: %v", err)
	}
	saved, err := ReadManifest(dir)
	if err != nil || len(saved.Records) != 3 || saved.Records[0].SHA256 != sdn.SHA256 {
		t.Fatalf("manifest on disk: %+v %v", saved, err)
	}

	// Second run: the server answers 304 to the ETag we send; files and
	// fetched_at stay, checked_at moves.
	clock = clock.Add(time.Hour)
	m2, res2, err := Fetch(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res2 {
		if !r.NotModified {
			t.Errorf("%s: %s", r.Source.Name, r.Status)
		}
	}
	if seen := ls.requests["/SDN.CSV"]; len(seen) != 2 || seen[1] != sdn.ETag {
		t.Errorf("If-None-Match sent: %q", seen)
	}
	if r := m2.Records[0]; !r.FetchedAt.Equal(sdn.FetchedAt) || !r.CheckedAt.Equal(clock) || r.Entries != 6 {
		t.Errorf("after 304: %+v", r)
	}

	// Third run: the list changed upstream but now serves an error page:
	// the old file stays, the run reports the failure.
	ls.mu.Lock()
	ls.files["/consolidated.xml"] = ls.files["/error.html"]
	ls.mu.Unlock()
	_, res3, err := Fetch(t.Context(), opts)
	if err == nil || !strings.Contains(err.Error(), "un_sc") {
		t.Fatalf("err = %v", err)
	}
	if res3[2].Status != "failed" || !strings.Contains(res3[2].Err.Error(), "not a list") {
		t.Errorf("result %+v", res3[2])
	}
	un, err := os.ReadFile(filepath.Join(dir, "un.xml"))
	if err != nil || !strings.Contains(string(un), "CONSOLIDATED_LIST") {
		t.Errorf("un.xml replaced by the error page")
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".part-*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestFetchRefusals(t *testing.T) {
	_, srv := newListServer(t)
	for name, c := range map[string]struct {
		src  Source
		max  int64
		want string
	}{
		"plain http":    {Source{"x", "http://example.com/SDN.CSV", "sdn.csv"}, 0, "HTTPS only"},
		"path in file":  {Source{"x", srv.URL + "/SDN.CSV", "../sdn.csv"}, 0, "plain name"},
		"too big":       {Source{"x", srv.URL + "/SDN.CSV", "sdn.csv"}, 100, "limit"},
		"http redirect": {Source{"x", srv.URL + "/redirect", "sdn.csv"}, 0, "HTTPS only"},
		"not found":     {Source{"x", srv.URL + "/missing", "sdn.csv"}, 0, "404"},
		"not a list":    {Source{"x", srv.URL + "/error.html", "sdn.csv"}, 0, "not a list"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			_, res, err := Fetch(t.Context(), Options{Dir: dir, Client: srv.Client(), Sources: []Source{c.src}, MaxBytes: c.max})
			msg := ""
			if err != nil {
				msg = err.Error()
			}
			for _, r := range res {
				if r.Err != nil {
					msg += " " + r.Err.Error()
				}
			}
			if !strings.Contains(msg, c.want) {
				t.Errorf("got %q, want %q", msg, c.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "sdn.csv")); err == nil {
				t.Error("a refused download left a file")
			}
		})
	}
}

func TestReadSources(t *testing.T) {
	src, err := ReadSources(strings.NewReader("# official\nun_sc https://scsanctions.un.org/x.xml un.xml\n\nbad line\n"), "sources.txt")
	if err == nil || !strings.Contains(err.Error(), "sources.txt: line 4") || src != nil {
		t.Errorf("%v %v", src, err)
	}
	src, err = ReadSources(strings.NewReader("un_sc https://scsanctions.un.org/x.xml un.xml\n"), "s")
	if err != nil || len(src) != 1 || src[0].File != "un.xml" {
		t.Errorf("%v %v", src, err)
	}
	if err := checkSources(DefaultSources); err != nil {
		t.Errorf("default table: %v", err)
	}
}
