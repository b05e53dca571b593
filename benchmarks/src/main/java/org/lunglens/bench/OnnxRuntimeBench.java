package org.lunglens.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled network exported by torch_bench.py ({@code net.onnx}) in ONNX Runtime, every graph optimisation on,
 * timed with the loops of SideBySide.java: one image and a batch of 64 of the same 64 real inputs, at each thread
 * count (intra-op threads; one inter-op thread). Checks the outputs against DL4J's ({@code outputs.f32}) first.
 * Writes {@code EXPORT_DIR/ort.json}. Usage: {@code OnnxRuntimeBench EXPORT_DIR QUICK(true|false) THREADS[,THREADS]}.
 */
public final class OnnxRuntimeBench {
    private static final int SIZE = 128;

    private OnnxRuntimeBench() {
    }

    public static void main(String[] args) throws Exception {
        Path export = Path.of(args[0]);
        boolean quick = Boolean.parseBoolean(args[1]);
        float[] inputs = floats(export.resolve("inputs.f32"));
        float[] expected = floats(export.resolve("outputs.f32"));
        int n = inputs.length / (SIZE * SIZE);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, Object> timings = new LinkedHashMap<>();
        double maxDiff = 0;
        int reps = quick ? 100 : 400;
        int batchReps = quick ? 10 : 30;
        for (String t : args[2].split(",")) {
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(Integer.parseInt(t));
                options.setInterOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                try (OrtSession session = env.createSession(export.resolve("net.onnx").toString(), options);
                     OnnxTensor one = tensor(env, inputs, 1);
                     OnnxTensor all = tensor(env, inputs, n)) {
                    float[][] out = run(session, all);
                    for (int i = 0; i < n; i++) {
                        for (int c = 0; c < out[i].length; c++) {
                            maxDiff = Math.max(maxDiff, Math.abs(out[i][c] - expected[i * out[i].length + c]));
                        }
                    }
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("single_ms_median", medianMs(reps, () -> run(session, one)));
                    r.put("batch64_images_per_s", n * 1000.0 / medianMs(batchReps, () -> run(session, all)));
                    timings.put(t, r);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("onnxruntime", OrtEnvironment.getEnvironment().getVersion());
        result.put("max_abs_diff_vs_dl4j", maxDiff);
        result.put("timings", timings);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(export.resolve("ort.json").toFile(), result);
        System.out.println(new ObjectMapper().writeValueAsString(result));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static float[][] run(OrtSession session, OnnxTensor x) throws Exception {
        try (OrtSession.Result r = session.run(Map.of("x", x))) {
            return (float[][]) r.get(0).getValue();
        }
    }

    private static OnnxTensor tensor(OrtEnvironment env, float[] inputs, int n) throws Exception {
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(inputs, 0, n * SIZE * SIZE), new long[] {n, 1, SIZE, SIZE});
    }

    private static double medianMs(int reps, Call call) throws Exception {
        for (int i = 0; i < Math.max(3, reps / 10); i++) {
            call.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            call.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static float[] floats(Path file) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.remaining() / 4];
        b.asFloatBuffer().get(f);
        return f;
    }
}
