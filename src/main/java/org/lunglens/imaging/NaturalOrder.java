package org.lunglens.imaging;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;

/**
 * Files in the order a person numbers them: "film-2" before "film-10", digits compared as numbers and the rest
 * without case, folder by folder. Exported series are named 1, 2, ... 100; plain text order puts 10 and 100 before 2.
 */
public final class NaturalOrder {
    /** Paths compared name by name from the root, each name naturally. */
    public static final Comparator<Path> PATHS = NaturalOrder::comparePaths;

    private NaturalOrder() {
    }

    static int comparePaths(Path a, Path b) {
        int n = Math.min(a.getNameCount(), b.getNameCount());
        for (int i = 0; i < n; i++) {
            int c = compare(a.getName(i).toString(), b.getName(i).toString());
            if (c != 0) {
                return c;
            }
        }
        int byDepth = Integer.compare(a.getNameCount(), b.getNameCount());
        return byDepth != 0 ? byDepth : a.compareTo(b);
    }

    /** Two names, runs of digits compared by value (then by length, so "01" follows "1"), the rest without case. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                String da = stripZeros(a.substring(i, endA));
                String db = stripZeros(b.substring(j, endB));
                int c = da.length() != db.length() ? Integer.compare(da.length(), db.length()) : da.compareTo(db);
                if (c == 0) {
                    c = Integer.compare(endA - i, endB - j);
                }
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
            } else {
                int c = Character.compare(Character.toLowerCase(x), Character.toLowerCase(y));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT)) ? a.compareTo(b) : 0;
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
