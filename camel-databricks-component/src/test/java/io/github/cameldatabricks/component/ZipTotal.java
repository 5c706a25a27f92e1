package io.github.cameldatabricks.component;

/** The row bean of the docs' outputClass example: columns map to setters by name, case-insensitive. */
public class ZipTotal {
    private String zip;
    private double total;

    public String getZip() {
        return zip;
    }

    public void setZip(String zip) {
        this.zip = zip;
    }

    public double getTotal() {
        return total;
    }

    public void setTotal(double total) {
        this.total = total;
    }
}
