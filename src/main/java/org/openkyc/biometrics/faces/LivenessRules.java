package org.openkyc.biometrics.faces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Whether a burst of camera frames shows one live person doing what was asked. Frames come in segments: segment 0
 * is the person looking at the camera, segment {@code i} the frames taken while the {@code i}-th action was asked.
 * Every liveness needs a face in most frames, the same face throughout, and a passive score (the median over the
 * frames) of at least the threshold; each action needs the head pose or expression to move from the first segment's
 * by a clear margin, which a still photo held to the camera cannot do.
 */
public final class LivenessRules {

    /** What the applicant may be asked to do. */
    public enum Action {
        TURN_LEFT,
        TURN_RIGHT,
        LOOK_UP,
        LOOK_DOWN,
        SMILE,
        BLINK
    }

    /** Degrees of yaw a turn must reach from the first segment; a held photo stays within a few. */
    static final double TURN = 12;
    /** Degrees of pitch a nod must reach. */
    static final double NOD = 8;

    private LivenessRules() {}

    /** One frame as the engine saw it; {@code face} is null when there was no face, or more than one. */
    public record Frame(int segment, FaceEngine.@Nullable Face face, double live) {}

    /**
     * The verdict.
     *
     * @param passive the median passive score over the frames with a face
     * @param actions whether each action was seen, in the order asked
     * @param bestFrame the index of the frame to keep as the person's picture (facing the camera, most confident), or
     *     -1 when no frame has a face
     */
    public record Verdict(
            boolean passed, double passive, Map<String, Boolean> actions, List<String> problems, int bestFrame) {}

    public static Verdict evaluate(List<Frame> frames, List<Action> actions, double threshold) {
        List<String> problems = new ArrayList<>();
        List<Frame> withFace = frames.stream().filter(f -> f.face() != null).toList();
        if (frames.isEmpty() || withFace.size() < Math.ceil(frames.size() * 0.7)) {
            problems.add("no single face in " + (frames.size() - withFace.size()) + " of " + frames.size() + " frames");
        }
        if (withFace.isEmpty()) {
            return new Verdict(false, 0, Map.of(), problems, -1);
        }
        float[] first = withFace.getFirst().face().embedding();
        double least = withFace.stream()
                .mapToDouble(f -> FaceEngine.cosine(first, f.face().embedding()))
                .min()
                .orElse(1);
        if (least < 0.5) {
            problems.add(String.format(java.util.Locale.ROOT, "the face changed between frames (cosine %.2f)", least));
        }
        double passive =
                median(withFace.stream().mapToDouble(Frame::live).boxed().toList());
        if (passive < threshold) {
            problems.add(String.format(
                    java.util.Locale.ROOT, "the passive check scored %.2f, below %.2f", passive, threshold));
        }
        List<Frame> neutral = withFace.stream().filter(f -> f.segment() == 0).toList();
        List<Frame> base = neutral.isEmpty() ? List.of(withFace.getFirst()) : neutral;
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (int i = 0; i < actions.size(); i++) {
            int segment = i + 1;
            List<Frame> during =
                    withFace.stream().filter(f -> f.segment() == segment).toList();
            Action action = actions.get(i);
            boolean done = !during.isEmpty()
                    && switch (action) {
                        case TURN_LEFT -> max(during, LivenessRules::yaw) - median(base, LivenessRules::yaw) >= TURN;
                        case TURN_RIGHT -> min(during, LivenessRules::yaw) - median(base, LivenessRules::yaw) <= -TURN;
                        case LOOK_UP -> min(during, LivenessRules::pitch) - median(base, LivenessRules::pitch) <= -NOD;
                        case LOOK_DOWN -> max(during, LivenessRules::pitch) - median(base, LivenessRules::pitch) >= NOD;
                        case SMILE -> max(during, LivenessRules::mouth) >= median(base, LivenessRules::mouth) * 1.1;
                        case BLINK -> min(during, LivenessRules::eyes) <= median(base, LivenessRules::eyes) * 0.6;
                    };
            seen.put(action.name(), done);
            if (!done) {
                problems.add(action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " not seen");
            }
        }
        Frame best = (neutral.isEmpty() ? withFace : neutral)
                .stream()
                        .max(Comparator.comparingDouble((Frame f) -> f.face().score() - Math.abs(yaw(f)) / 90))
                        .orElseThrow();
        return new Verdict(problems.isEmpty(), passive, seen, List.copyOf(problems), frames.indexOf(best));
    }

    static double yaw(Frame frame) {
        return HeadPose.of(frame.face().landmarks()).yaw();
    }

    static double pitch(Frame frame) {
        return HeadPose.of(frame.face().landmarks()).pitch();
    }

    /** Mouth width over jaw width. */
    static double mouth(Frame frame) {
        List<FaceEngine.Point> p = frame.face().landmarks();
        return distance(p.get(48), p.get(54)) / Math.max(distance(p.get(0), p.get(16)), 1e-6);
    }

    /** How open the eyes are: lid distances over eye width, both eyes averaged. */
    static double eyes(Frame frame) {
        List<FaceEngine.Point> p = frame.face().landmarks();
        double left = (distance(p.get(37), p.get(41)) + distance(p.get(38), p.get(40)))
                / (2 * Math.max(distance(p.get(36), p.get(39)), 1e-6));
        double right = (distance(p.get(43), p.get(47)) + distance(p.get(44), p.get(46)))
                / (2 * Math.max(distance(p.get(42), p.get(45)), 1e-6));
        return (left + right) / 2;
    }

    private static double distance(FaceEngine.Point a, FaceEngine.Point b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    private static double max(List<Frame> frames, ToDoubleFunction<Frame> measure) {
        return frames.stream().mapToDouble(measure).max().orElse(Double.NaN);
    }

    private static double min(List<Frame> frames, ToDoubleFunction<Frame> measure) {
        return frames.stream().mapToDouble(measure).min().orElse(Double.NaN);
    }

    private static double median(List<Frame> frames, ToDoubleFunction<Frame> measure) {
        return median(frames.stream().mapToDouble(measure).boxed().toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
