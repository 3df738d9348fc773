import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "HealthPrep", template: "%s · HealthPrep" },
  description: "Pre-visit preparation for clinics on Epic",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
