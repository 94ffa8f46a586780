package dev.asyncplayground.web;

import dev.asyncplayground.exercise.Exercise;

/**
 * An exercise page, or the page for a new scenario when {@code exercise} is null.
 *
 * @param title    the heading
 * @param exercise the exercise whose lesson is shown, or null
 * @param form     the run form
 */
public record PlaygroundPage(String title, Exercise exercise, FormView form) {}
