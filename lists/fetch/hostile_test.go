package fetch_test

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/dualscreen/dualscreen/lists/fetch"
)

// hostileServer serves whatever body the test sets for a path, over TLS.
type hostileServer struct {
	mu     sync.Mutex
	handle map[string]http.HandlerFunc
}

func newHostileServer(t *testing.T) (*hostileServer, *httptest.Server) {
	hs := &hostileServer{handle: map[string]http.HandlerFunc{}}
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hs.mu.Lock()
		h := hs.handle[r.URL.Path]
		hs.mu.Unlock()
		if h == nil {
			http.NotFound(w, r)
			return
		}
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	return hs, srv
}

func (hs *hostileServer) set(path string, h http.HandlerFunc) {
	hs.mu.Lock()
	hs.handle[path] = h
	hs.mu.Unlock()
}

func body(b []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { w.Write(b) }
}

func fixture(t *testing.T, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func fetchMsg(t *testing.T, opts fetch.Options) string {
	t.Helper()
	_, res, err := fetch.Fetch(t.Context(), opts)
	var msg []string
	if err != nil {
		msg = append(msg, err.Error())
	}
	for _, r := range res {
		if r.Err != nil {
			msg = append(msg, r.Err.Error())
		}
	}
	return strings.Join(msg, "; ")
}

// TestFetchRefusesHostileSources covers what TestFetchRefusals does not:
// every non-HTTPS scheme, every way out of the folder, and bodies that are
// too big without saying so (chunked, or a gzip bomb the transport
// inflates). Nothing may be written for any of them.
func TestFetchRefusesHostileSources(t *testing.T) {
	hs, srv := newHostileServer(t)
	un := fixture(t, "un/consolidated.xml")
	hs.set("/chunked", func(w http.ResponseWriter, r *http.Request) {
		for range 64 { // 64 flushed chunks of the fixture: no Content-Length
			w.Write(un)
			w.(http.Flusher).Flush()
		}
	})
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write(un[:512])
	zw.Write(bytes.Repeat([]byte(" "), 64<<20)) // inflates to 64 MiB
	zw.Close()
	hs.set("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "application/xml")
		w.Write(bomb.Bytes())
	})
	hs.set("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	hs.set("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/list.xml", http.StatusMovedPermanently)
	})

	cases := []struct {
		name string
		src  fetch.Source
		max  int64
		want string
	}{
		{"file URL", fetch.Source{Name: "x", URL: "file:///etc/passwd", File: "un.xml"}, 0, "HTTPS only"},
		{"ftp URL", fetch.Source{Name: "x", URL: "ftp://example.com/un.xml", File: "un.xml"}, 0, "HTTPS only"},
		{"scheme-relative URL", fetch.Source{Name: "x", URL: "//example.com/un.xml", File: "un.xml"}, 0, "HTTPS only"},
		{"plain http upper case", fetch.Source{Name: "x", URL: "HTTP://example.com/un.xml", File: "un.xml"}, 0, "HTTPS only"},
		{"absolute file", fetch.Source{Name: "x", URL: srv.URL + "/chunked", File: "/tmp/un.xml"}, 0, "plain name"},
		{"parent folder", fetch.Source{Name: "x", URL: srv.URL + "/chunked", File: ".."}, 0, "plain name"},
		{"subfolder", fetch.Source{Name: "x", URL: srv.URL + "/chunked", File: "sub/un.xml"}, 0, "plain name"},
		{"hidden file", fetch.Source{Name: "x", URL: srv.URL + "/chunked", File: ".bashrc"}, 0, "plain name"},
		{"the manifest", fetch.Source{Name: "x", URL: srv.URL + "/chunked", File: "manifest.json"}, 0, "plain name"},
		{"chunked body over the cap", fetch.Source{Name: "x", URL: srv.URL + "/chunked", File: "un.xml"}, int64(len(un)) * 8, "over the"},
		{"gzip bomb", fetch.Source{Name: "x", URL: srv.URL + "/bomb", File: "un.xml"}, 1 << 20, "over the"},
		{"redirect to file://", fetch.Source{Name: "x", URL: srv.URL + "/to-file", File: "un.xml"}, 0, "HTTPS only"},
		{"redirect to ftp://", fetch.Source{Name: "x", URL: srv.URL + "/to-ftp", File: "un.xml"}, 0, "HTTPS only"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "lists")
			msg := fetchMsg(t, fetch.Options{Dir: dir, Client: srv.Client(), Sources: []fetch.Source{c.src}, MaxBytes: c.max})
			t.Logf("%s", msg)
			if !strings.Contains(msg, c.want) {
				t.Errorf("got %q, want %q", msg, c.want)
			}
			// Nothing but (at most) an empty manifest inside, nothing outside.
			for _, name := range names(t, dir) {
				if name != fetch.ManifestFile {
					t.Errorf("left %s in the folder", name)
				}
			}
			for _, name := range names(t, parent) {
				if name != "lists" {
					t.Errorf("wrote %s outside the folder", name)
				}
			}
		})
	}
}

// TestFetchKeepsGoodListWhenNewOneIsBroken: a publisher's server that
// answers with a truncated or emptied file, which still looks like the
// format in its first bytes, must not replace the good list already in the
// folder: the nightly screen would otherwise run against nothing.
func TestFetchKeepsGoodListWhenNewOneIsBroken(t *testing.T) {
	hs, srv := newHostileServer(t)
	good := fixture(t, "un/consolidated.xml")
	src := fetch.Source{Name: "un_sc", URL: srv.URL + "/consolidated.xml", File: "un.xml"}
	dir := t.TempDir()
	hs.set("/consolidated.xml", body(good))
	if msg := fetchMsg(t, fetch.Options{Dir: dir, Client: srv.Client(), Sources: []fetch.Source{src}}); msg != "" {
		t.Fatalf("first fetch: %s", msg)
	}
	cut := bytes.Index(good, []byte("<INDIVIDUALS>"))
	if cut < 0 {
		cut = len(good) / 2
	}
	for name, broken := range map[string][]byte{
		"truncated":  good[:len(good)*2/3],
		"no entries": append(append([]byte(nil), good[:cut]...), []byte("</CONSOLIDATED_LIST>")...),
		"html error": []byte("<!DOCTYPE html><title>503</title>"),
		"empty":      {},
	} {
		t.Run(name, func(t *testing.T) {
			hs.set("/consolidated.xml", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Length", strconv.Itoa(len(broken)))
				w.Write(broken)
			})
			msg := fetchMsg(t, fetch.Options{Dir: dir, Client: srv.Client(), Sources: []fetch.Source{src}})
			t.Logf("%s", msg)
			if msg == "" {
				t.Error("a broken download was accepted without error")
			}
			got, err := os.ReadFile(filepath.Join(dir, "un.xml"))
			if err != nil || !bytes.Equal(got, good) {
				t.Errorf("the good list was replaced (%d bytes now, %d before, %v)", len(got), len(good), err)
			}
			for _, n := range names(t, dir) {
				if n != "un.xml" && n != fetch.ManifestFile {
					t.Errorf("left %s in the folder", n)
				}
			}
		})
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}
