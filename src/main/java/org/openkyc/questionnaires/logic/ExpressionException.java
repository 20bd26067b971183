package org.openkyc.questionnaires.logic;

/** An expression that cannot be read. */
public class ExpressionException extends IllegalArgumentException {

    public ExpressionException(String message) {
        super(message);
    }
}
