# Build: restore first (cached while the project files stay the same), then publish.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /repo
COPY global.json Hromada.slnx Directory.Build.props Directory.Packages.props .editorconfig appsettings.json ./
COPY src/Core/Core.csproj src/Core/
COPY src/Persistence/Persistence.csproj src/Persistence/
COPY src/Bots/Bots.csproj src/Bots/
RUN dotnet restore src/Bots/Bots.csproj
COPY src/ src/
RUN dotnet publish src/Bots/Bots.csproj -c Release --no-restore -o /app

# Run: the ASP.NET Core runtime only, as the image's unprivileged user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# appsettings.json comes with the published output; the LiteDB file (./data/hromada.db) lives in the volume.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
VOLUME /app/data
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Hromada.Bots.dll"]
