package org.openkyc.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openkyc.biometrics.faces.FaceEngine;
import org.openkyc.biometrics.faces.FaceSettings;
import org.openkyc.biometrics.faces.Rgb;
import org.openkyc.support.FaceVideo;

/**
 * Face inference per image, single-threaded: each model alone on a 640 × 480 camera frame ({@code frame}) or a
 * 1920 × 1367 group photo with three faces ({@code photo}), and the whole pipeline (detection, then landmarks and
 * embedding of every face).
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main FaceBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class FaceBenchmark {

    @Param({"frame", "photo"})
    public String image;

    private FaceEngine engine;
    private Rgb pixels;
    private FaceEngine.Detection face;
    private List<FaceEngine.Point> landmarks;

    @Setup(Level.Trial)
    public void load() {
        engine = FaceEngine.open(FaceSettings.defaults(Path.of("models/faces")));
        if (!engine.available()) {
            throw new IllegalStateException(engine.unavailableReason());
        }
        pixels = Rgb.of(image.equals("frame") ? FaceVideo.still() : FaceVideo.sample(2));
        face = engine.detect(pixels).getFirst();
        landmarks = engine.landmarks(pixels, face.box());
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    @Benchmark
    public Object detect() {
        return engine.detect(pixels);
    }

    @Benchmark
    public Object landmarks() {
        return engine.landmarks(pixels, face.box());
    }

    @Benchmark
    public Object embedding() {
        return engine.embed(pixels, landmarks);
    }

    @Benchmark
    public double liveness() {
        return engine.liveness(pixels, face.box());
    }

    @Benchmark
    public Object wholePipeline() {
        return engine.faces(pixels);
    }
}
