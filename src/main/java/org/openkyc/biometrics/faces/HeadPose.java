package org.openkyc.biometrics.faces;

import java.util.List;

/**
 * Which way a head is turned, from its 68 landmarks, in rough degrees: enough to tell a turn from a still head. Yaw
 * compares where the nose tip sits between the two sides of the jaw: positive when it is right of the middle in the
 * image, which is the person turning to their own left. Pitch compares the nose tip's height between the eyes and the
 * mouth: positive looking down.
 */
public record HeadPose(double yaw, double pitch) {

    public static HeadPose of(List<FaceEngine.Point> landmarks) {
        // level the eyes first, so that a tilted head does not read as a turned one
        FaceEngine.Point left = centre(landmarks, 36, 42);
        FaceEngine.Point right = centre(landmarks, 42, 48);
        double roll = Math.atan2(right.y() - left.y(), right.x() - left.x());
        double cos = Math.cos(-roll);
        double sin = Math.sin(-roll);
        double ox = (left.x() + right.x()) / 2;
        double oy = (left.y() + right.y()) / 2;
        List<FaceEngine.Point> p = landmarks.stream()
                .map(q -> new FaceEngine.Point(
                        ox + (q.x() - ox) * cos - (q.y() - oy) * sin, oy + (q.x() - ox) * sin + (q.y() - oy) * cos))
                .toList();
        double jawLeft = p.get(0).x();
        double jawRight = p.get(16).x();
        double offset = (p.get(30).x() - (jawLeft + jawRight) / 2) / Math.max((jawRight - jawLeft) / 2, 1e-6);
        double eyes = (p.get(36).y() + p.get(39).y() + p.get(42).y() + p.get(45).y()) / 4;
        double mouth = (p.get(48).y() + p.get(54).y()) / 2;
        // a face looking ahead has its nose tip a little more than halfway from the eyes to the mouth
        double drop = (p.get(30).y() - eyes) / Math.max(mouth - eyes, 1e-6) - 0.6;
        return new HeadPose(
                Math.toDegrees(Math.asin(Math.clamp(offset, -1, 1))),
                Math.toDegrees(Math.asin(Math.clamp(drop * 2, -1, 1))));
    }

    private static FaceEngine.Point centre(List<FaceEngine.Point> points, int from, int to) {
        double x = 0;
        double y = 0;
        for (int i = from; i < to; i++) {
            x += points.get(i).x();
            y += points.get(i).y();
        }
        return new FaceEngine.Point(x / (to - from), y / (to - from));
    }
}
