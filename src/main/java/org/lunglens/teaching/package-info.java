/**
 * Teaching mode without a toolkit: case sets (a folder of class sub-folders, or a folder plus a CSV of
 * {@code path,label}), seeded class-balanced samples of cases, blinded quiz answers and their score (reader vs
 * truth, AI vs truth, reader-AI agreement, confusion table) and its CSV export. No JavaFX here.
 */
package org.lunglens.teaching;
