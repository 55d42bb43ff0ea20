package jsscan

import (
	"fmt"
	"strings"
	"testing"
)

// benchChunk is one module's worth of ordinary TypeScript: imports, types,
// classes, generics, templates, regexes, comments, JSX-free code, a few env
// reads and one Remotion call. %d is replaced to vary identifiers.
const benchChunk = `/**
 * Module %[1]d: render orchestration helpers.
 * Handles retries, progress polling and URL signing.
 */
import { renderMediaOnLambda, getRenderProgress } from "@remotion/lambda/client";
import type { AwsRegion } from "@remotion/lambda";
import { z } from "zod";
import path from "node:path";

export interface RenderJob%[1]d<T extends Record<string, unknown> = {}> {
  id: string;
  composition: string;
  inputProps: T;
  createdAt: Date;
  retries?: number;
}

const REGION_%[1]d = (process.env.REMOTION_AWS_REGION ?? "us-east-1") as AwsRegion;
const bucketPattern%[1]d = /^remotionlambda-[a-z0-9-]+\/renders\/[^/]+$/i;
const schema%[1]d = z.object({ id: z.string().min(1), frames: z.number().int().positive() });

// Exponential backoff, capped at 30 seconds.
function backoff%[1]d(attempt: number): number {
  const base = Math.min(30_000, 2 ** attempt * 250) / 2;
  return base + Math.floor(Math.random() * base / 3);
}

export class Renderer%[1]d {
  private readonly cache = new Map<string, Promise<string>>();
  #attempts = 0;

  constructor(private readonly functionName: string, private readonly serveUrl: string) {}

  async render<T extends Record<string, unknown>>(job: RenderJob%[1]d<T>): Promise<string> {
    const key = ` + "`${job.composition}:${job.id}`" + `;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = (async () => {
      const { renderId, bucketName } = await renderMediaOnLambda({
        region: REGION_%[1]d,
        functionName: this.functionName,
        serveUrl: this.serveUrl,
        composition: job.composition,
        inputProps: job.inputProps,
        codec: "h264",
        imageFormat: "jpeg",
        maxRetries: job.retries ?? 1,
        privacy: "public",
      });
      for (let i = 0; i < 600; i++) {
        const progress = await getRenderProgress({ renderId, bucketName, functionName: this.functionName, region: REGION_%[1]d });
        if (progress.done) return progress.outputFile ?? "";
        if (progress.fatalErrorEncountered) {
          throw new Error(` + "`Render ${renderId} failed: ${progress.errors.map((e) => e.message).join(\", \")}`" + `);
        }
        await new Promise((r) => setTimeout(r, backoff%[1]d(i)));
      }
      this.#attempts++;
      return path.join("out", ` + "`${job.id}.mp4`" + `);
    })();
    this.cache.set(key, promise);
    return promise;
  }

  /* Ratio of frames done; 'done' is [0, 1]. */
  ratio(done: number, total: number): number {
    return total === 0 ? 0 : done / total / 1;
  }
}

export const isDebug%[1]d = process.env.NODE_ENV !== "production" && !!process.env.DEBUG;
export const matches%[1]d = (s: string): boolean => bucketPattern%[1]d.test(s) && s.split("/").length > 2;

`

// benchSource returns realistic TypeScript of at least n bytes.
func benchSource(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, benchChunk, i)
	}
	return b.String()
}

func BenchmarkScan(b *testing.B) {
	src := []byte(benchSource(200 << 10))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Scan(src)
	}
}

func BenchmarkMayContainFacts(b *testing.B) {
	src := []byte(strings.ReplaceAll(strings.ReplaceAll(benchSource(200<<10), "env", "xyz"), "emotion", "xyz"))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		MayContainFacts(src)
	}
}

func TestBenchSourceFacts(t *testing.T) {
	src := benchChunk
	r := Scan([]byte(fmt.Sprintf(src, 1)))
	got := render(r)
	want := []string{
		"read REMOTION_AWS_REGION 18:19-18:50 guard",
		"read NODE_ENV 71:25-71:45",
		"read DEBUG 71:68-71:85 guard",
		"import @remotion/lambda/client 5:1-5:81",
		"import @remotion/lambda 6:1-6:50",
		"call renderMediaOnLambda 39:46-49:9",
		"call getRenderProgress 51:32-51:126",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
